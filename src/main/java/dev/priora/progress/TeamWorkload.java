package dev.priora.progress;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.backlog.BacklogOrder;
import dev.priora.problem.DomainProblem;
import dev.priora.backlog.ItemKey;
import dev.priora.backlog.ProductService;
import dev.priora.planning.PlanningService;
import dev.priora.planning.ReleaseView;
import dev.priora.progress.TeamService.Load;
import dev.priora.progress.TeamService.Member;
import dev.priora.progress.TeamService.Suggestion;

/**
 * Each member's workload against capacity, in a sprint or across a release (capacity
 * after days off, open points assigned), and the suggested assignee for an item: matching
 * skills first, then most capacity left, then fewest open items.
 */
@Component
class TeamWorkload {

	private final TeamRepository team;

	private final ProductService products;

	private final PlanningService planning;

	private final BacklogOrder backlog;

	TeamWorkload(TeamRepository team, ProductService products, PlanningService planning, BacklogOrder backlog) {
		this.team = team;
		this.products = products;
		this.planning = planning;
		this.backlog = backlog;
	}

	/**
	 * Each member's load in the sprint: open points assigned against capacity after days
	 * off.
	 */
	@Transactional(readOnly = true)
	List<Load> inSprint(String productKey, long sprintId) {
		var sprint = planning.sprint(productKey, sprintId);
		String key = products.get(productKey).key();
		long length = ChronoUnit.DAYS.between(sprint.start(), sprint.end()) + 1;
		var items = planning.sprintItems(key, sprintId);
		var assignees = team.assigneesByItem(key);
		List<Load> loads = new ArrayList<>();
		for (Member m : team.members(key)) {
			int off = team.daysOff(m.id(), sprintId);
			BigDecimal capacity = m.capacity()
				.multiply(BigDecimal.valueOf(length - off))
				.divide(BigDecimal.valueOf(length), 1, RoundingMode.HALF_UP);
			loads.add(load(m, capacity, items, assignees, off));
		}
		return loads;
	}

	/**
	 * Each member's load across the release: capacity summed over the release's sprints
	 * (each after the member's days off in it) against the open estimates of the
	 * release's items assigned to them.
	 */
	@Transactional(readOnly = true)
	List<Load> inRelease(String productKey, long releaseId) {
		String key = products.get(productKey).key();
		var release = planning.release(key, releaseId);
		var sprints = planning.sprints(key)
			.stream()
			.filter(s -> s.releaseId() != null && s.releaseId() == releaseId)
			.toList();
		Map<String, Integer> off = team.daysOff(key);
		var assignees = team.assigneesByItem(key);
		List<Load> loads = new ArrayList<>();
		for (Member m : team.members(key)) {
			BigDecimal capacity = BigDecimal.ZERO;
			int daysOff = 0;
			for (var s : sprints) {
				long length = ChronoUnit.DAYS.between(s.start(), s.end()) + 1;
				int days = Math.min((int) length, off.getOrDefault(m.id() + ":" + s.id(), 0));
				daysOff += days;
				capacity = capacity.add(m.capacity()
					.multiply(BigDecimal.valueOf(length - days))
					.divide(BigDecimal.valueOf(length), 1, RoundingMode.HALF_UP));
			}
			loads.add(load(m, capacity, release.items(), assignees, daysOff));
		}
		return loads;
	}

	/** The member's open points and items among {@code items}. */
	private static Load load(Member m, BigDecimal capacity, List<ReleaseView.PlannedItem> items,
			Map<String, Member> assignees, int daysOff) {
		BigDecimal assigned = BigDecimal.ZERO;
		int open = 0;
		for (var i : items) {
			Member who = assignees.get(i.key());
			if (who != null && who.id() == m.id() && !"Done".equals(i.status())) {
				assigned = assigned.add(i.estimate() == null ? BigDecimal.ZERO : i.estimate());
				open++;
			}
		}
		return new Load(m, capacity, assigned, open, daysOff);
	}

	/**
	 * Members ranked for the item in the sprint: most of the item's labels among their
	 * skills, then most capacity left, then fewest open items.
	 */
	@Transactional(readOnly = true)
	List<Suggestion> suggest(ItemKey item, long sprintId) {
		var entry = backlog.snapshot(item.productKey())
			.items()
			.stream()
			.filter(e -> e.key().equals(item))
			.findFirst()
			.orElseThrow(() -> DomainProblem.notFound("Item " + item));
		return ranked(entry.labels(), inSprint(item.productKey(), sprintId));
	}

	/**
	 * {@link #suggest} for several items of one product at once: the backlog and the
	 * sprint's loads are read once, not per item; items not in the backlog are left out.
	 */
	Map<ItemKey, List<Suggestion>> suggest(String productKey, java.util.Collection<ItemKey> items, long sprintId) {
		java.util.Set<ItemKey> wanted = new java.util.HashSet<>(items);
		Map<ItemKey, List<Suggestion>> result = new java.util.LinkedHashMap<>();
		if (wanted.isEmpty()) {
			return result;
		}
		List<Load> loads = inSprint(productKey, sprintId);
		for (var entry : backlog.snapshot(productKey).items()) {
			if (wanted.contains(entry.key())) {
				result.put(entry.key(), ranked(entry.labels(), loads));
			}
		}
		return result;
	}

	private static List<Suggestion> ranked(java.util.Collection<String> labels, List<Load> loads) {
		List<Suggestion> result = new ArrayList<>();
		for (Load l : loads) {
			int matching = (int) labels.stream().filter(l.member().skills()::contains).count();
			BigDecimal left = l.capacity().subtract(l.assigned());
			result.add(new Suggestion(l.member(), matching, left, l.openItems(),
					matching + " matching skill" + (matching == 1 ? "" : "s") + ", "
							+ left.stripTrailingZeros().toPlainString() + " capacity left, " + l.openItems()
							+ " open items"));
		}
		result.sort(Comparator.comparingInt(Suggestion::matchingSkills)
			.reversed()
			.thenComparing(Suggestion::capacityLeft, Comparator.reverseOrder())
			.thenComparingInt(Suggestion::openItems)
			.thenComparing(s -> s.member().name()));
		return result;
	}

}
