package dev.priora.progress;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.accounts.UserId;
import dev.priora.problem.DomainProblem;
import dev.priora.backlog.BacklogService;
import dev.priora.backlog.ItemIds;
import dev.priora.backlog.ItemKey;
import dev.priora.backlog.ItemStatus;
import dev.priora.backlog.ItemCriteria;
import dev.priora.backlog.ItemView;
import dev.priora.planning.PlanningService;

/**
 * Sprint review: every done item of a sprint is accepted (each acceptance criterion
 * ticked) or rejected with a reason; a rejected item goes back to the backlog (ready, out
 * of the sprint, in its release) with the reason in its history.
 */
@Service
public class SprintReview {

	/** A review decision on one item. */
	public record Verdict(String item, boolean accepted, String reason, List<Integer> criteriaMet) {
	}

	private final PlanningService planning;

	private final BacklogService backlog;

	private final ProgressRepository runs;

	private final SprintReviewRepository reviews;

	private final ItemIds itemIds;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final ItemCriteria itemCriteria;

	SprintReview(PlanningService planning, BacklogService backlog, ItemCriteria itemCriteria, ItemIds itemIds,
			ProgressRepository runs, SprintReviewRepository reviews, Clock clock, ApplicationEventPublisher events) {
		this.itemCriteria = itemCriteria;
		this.events = events;
		this.itemIds = itemIds;
		this.planning = planning;
		this.backlog = backlog;
		this.runs = runs;
		this.reviews = reviews;
		this.clock = clock;
	}

	@Transactional
	public Verdict review(String productKey, long sprintId, String itemText, boolean accept, String reason,
			List<Integer> criteriaMet, UserId user) {
		var sprint = planning.sprint(productKey, sprintId);
		boolean closed = runs.run(sprintId).filter(run -> "CLOSED".equals(run.state())).isPresent();
		if (closed) {
			throw DomainProblem.conflict("sprint-closed", sprint.called() + " is closed; its review is over.");
		}
		ItemKey key = ItemKey.inProduct(productKey, itemText);
		if (planning.sprintItems(productKey, sprintId).stream().noneMatch(i -> i.key().equals(key.toString()))) {
			throw DomainProblem.invalid("item", key + " is not in sprint " + sprint.name());
		}
		ItemView item = backlog.item(key);
		if (item.status() != ItemStatus.DONE) {
			throw DomainProblem.conflict("not-done", key + " is not done; only done items are reviewed.");
		}
		Set<Integer> met = new TreeSet<>(criteriaMet == null ? List.of() : criteriaMet);
		int n = item.acceptanceCriteria().size();
		for (int i : met) {
			if (i < 0 || i >= n) {
				throw DomainProblem.invalid("criteria", key + " has no criterion " + i);
			}
		}
		String r = reason == null ? "" : reason.strip();
		if (r.length() > 2000) {
			throw DomainProblem.invalid("reason", "must be at most 2000 characters");
		}
		if (accept) {
			allMet(item, met);
		}
		else {
			if (r.isEmpty()) {
				throw DomainProblem.invalid("reason", "say why the item is rejected");
			}
			sendBack(productKey, key, item, "rejected in the review of " + sprint.name() + ": " + r, user);
		}
		reviews.save(sprintId, itemIds.get(key).value(), accept, r,
				String.join(",", met.stream().map(String::valueOf).toList()), user.value(), clock.instant());
		events.publishEvent(new ItemReviewed(key, item.title(), sprint.name(), accept, r, user));
		return new Verdict(key.toString(), accept, r, List.copyOf(met));
	}

	/** An item is accepted only with every acceptance criterion ticked. */
	private static void allMet(ItemView item, Set<Integer> met) {
		List<String> open = new ArrayList<>();
		for (int i = 0; i < item.acceptanceCriteria().size(); i++) {
			if (!met.contains(i)) {
				open.add("'" + item.acceptanceCriteria().get(i).statement() + "'");
			}
		}
		if (!open.isEmpty()) {
			throw DomainProblem.invalid("criteria", "not met: " + String.join(", ", open)
					+ "; tick every criterion to accept, or reject with a reason");
		}
	}

	/**
	 * A rejected item goes back to ready (through in progress, as the workflow asks), out
	 * of the sprint and still in its release.
	 */
	private void sendBack(String productKey, ItemKey key, ItemView item, String note, UserId user) {
		ItemView back = backlog.changeStatus(key, ItemStatus.IN_PROGRESS, item.version(), false, user, note);
		backlog.changeStatus(key, ItemStatus.READY, back.version(), true, user, note);
		Long release = planning.board(productKey)
			.releases()
			.stream()
			.filter(rv -> rv.items().stream().anyMatch(i -> i.key().equals(key.toString())))
			.map(rv -> rv.id())
			.findFirst()
			.orElse(null);
		planning.assign(key, release, null, user);
	}

	/** The sprint's review so far. */
	public List<Verdict> verdicts(String productKey, long sprintId) {
		planning.sprint(productKey, sprintId);
		return reviews.verdicts(sprintId);
	}

	/**
	 * A done item to review: its criteria, the verdict so far (null before), and the
	 * criteria shown ticked: those of the verdict, or before one those ticked on the
	 * item.
	 */
	public record Reviewable(String key, String title, List<String> criteria, Verdict verdict, List<Integer> met) {
	}

	public List<Reviewable> reviewable(String productKey, long sprintId) {
		var verdicts = verdicts(productKey, sprintId);
		var done = planning.sprintItems(productKey, sprintId)
			.stream()
			.filter(i -> ItemStatus.DONE.label().equals(i.status()))
			.toList();
		// every done item's criteria in one read, not one item page per item
		var criteria = itemCriteria.of(productKey,
				done.stream().map(i -> ItemKey.parse(i.key()).orElseThrow()).toList());
		List<Reviewable> result = new ArrayList<>();
		for (var i : done) {
			var itemCriteria = criteria.getOrDefault(ItemKey.parse(i.key()).orElseThrow(), List.of());
			Verdict verdict = verdicts.stream().filter(v -> v.item().equals(i.key())).findFirst().orElse(null);
			List<Integer> met = new ArrayList<>();
			for (int c = 0; c < itemCriteria.size(); c++) {
				if (verdict == null ? itemCriteria.get(c).done() : verdict.criteriaMet().contains(c)) {
					met.add(c);
				}
			}
			result.add(new Reviewable(i.key(), i.title(), itemCriteria.stream().map(c -> c.statement()).toList(),
					verdict, List.copyOf(met)));
		}
		return result;
	}

}
