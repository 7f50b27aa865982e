package dev.priora.progress;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.accounts.UserId;
import dev.priora.problem.DomainProblem;
import dev.priora.backlog.BacklogService;
import dev.priora.backlog.ItemIds;
import dev.priora.backlog.ItemKey;
import dev.priora.backlog.ProductService;
import dev.priora.planning.PlanningService;

/**
 * The team and delegation: members with a capacity per sprint and skills, days off per
 * sprint, who works on which item (each change in the item's history), and — through
 * {@link TeamWorkload} — each member's workload against capacity and a suggested assignee
 * (matching skills first, then most capacity left, then fewest open items).
 */
@Service
public class TeamService {

	/** A member. */
	public record Member(long id, String name, String email, BigDecimal capacity, List<String> skills) {
	}

	/**
	 * A member's load in a sprint: capacity after days off, points and items assigned.
	 */
	public record Load(Member member, BigDecimal capacity, BigDecimal assigned, int openItems, int daysOff) {

		@com.fasterxml.jackson.annotation.JsonProperty("over")
		public boolean over() {
			return assigned.compareTo(capacity) > 0;
		}

	}

	/** A suggestion: the member and why. */
	public record Suggestion(Member member, int matchingSkills, BigDecimal capacityLeft, int openItems, String why) {
	}

	private final TeamRepository team;

	private final ProductService products;

	private final PlanningService planning;

	private final BacklogService backlog;

	private final TeamWorkload workload;

	private final ItemIds itemIds;

	private final ApplicationEventPublisher events;

	TeamService(TeamRepository team, ProductService products, PlanningService planning, BacklogService backlog,
			TeamWorkload workload, ItemIds itemIds, ApplicationEventPublisher events) {
		this.events = events;
		this.itemIds = itemIds;
		this.team = team;
		this.products = products;
		this.planning = planning;
		this.backlog = backlog;
		this.workload = workload;
	}

	public List<Member> members(String productKey) {
		return team.members(products.get(productKey).key());
	}

	@Transactional
	public Member add(String productKey, String name, String email, BigDecimal capacity, List<String> skills) {
		String key = products.get(productKey).key();
		Fields f = fields(name, email, capacity, skills);
		try {
			team.insert(key, f.name(), f.email(), capacity, f.skills());
		}
		catch (DuplicateKeyException ex) {
			throw DomainProblem.invalid("name", "another member is called '" + f.name() + "'");
		}
		return members(key).stream().filter(m -> m.name().equals(f.name())).findFirst().orElseThrow();
	}

	/** Changes a member's name, e-mail, capacity and skills; their assignments stay. */
	@Transactional
	public Member update(String productKey, long memberId, String name, String email, BigDecimal capacity,
			List<String> skills) {
		member(productKey, memberId);
		Fields f = fields(name, email, capacity, skills);
		try {
			team.update(memberId, f.name(), f.email(), capacity, f.skills());
		}
		catch (DuplicateKeyException ex) {
			throw DomainProblem.invalid("name", "another member is called '" + f.name() + "'");
		}
		return member(productKey, memberId);
	}

	/** The open items assigned to a member (what removing them unassigns). */
	public int openAssigned(String productKey, long memberId) {
		member(productKey, memberId);
		return team.openAssigned(memberId);
	}

	private record Fields(String name, String email, String skills) {
	}

	private Fields fields(String name, String email, BigDecimal capacity, List<String> skills) {
		Map<String, String> errors = new LinkedHashMap<>();
		String n = name == null ? "" : name.strip();
		if (n.isEmpty() || n.length() > 100) {
			errors.put("name", "is required, at most 100 characters");
		}
		if (capacity == null || capacity.signum() < 0 || capacity.compareTo(BigDecimal.valueOf(1000)) > 0) {
			errors.put("capacity", "must be from 0 to 1000 per sprint (in the product's unit)");
		}
		String e = email == null ? "" : email.strip();
		if (e.length() > 320 || (!e.isEmpty() && !e.contains("@"))) {
			errors.put("email", "is not an e-mail address");
		}
		String s = String.join(",", normalize(skills == null ? List.of() : skills));
		if (s.length() > 1000) {
			errors.put("skills", "too many skills");
		}
		if (!errors.isEmpty()) {
			throw DomainProblem.invalid(errors);
		}
		return new Fields(n, e, s);
	}

	/**
	 * Removes a member: each item assigned to them becomes unassigned, recorded in its
	 * history ("assignee NAME → nobody") and published as its update, as {@link #assign}
	 * does.
	 */
	@Transactional
	public void remove(String productKey, long memberId, UserId user) {
		Member member = member(productKey, memberId);
		List<ItemKey> items = team.assignedItems(memberId);
		team.delete(memberId);
		items.forEach(item -> recordAssignee(item, member.name(), null, user));
	}

	@Transactional
	public void daysOff(String productKey, long memberId, long sprintId, int days) {
		member(productKey, memberId);
		var sprint = planning.sprint(productKey, sprintId);
		long length = ChronoUnit.DAYS.between(sprint.start(), sprint.end()) + 1;
		if (days < 0 || days > length) {
			throw DomainProblem.invalid("days", "must be from 0 to the sprint's " + length + " days");
		}
		team.daysOff(memberId, sprintId, days);
	}

	/**
	 * Assigns the item to a member, or clears the assignee with null. A change is
	 * recorded in the item's history (by the members' names) and published as the item's
	 * update, as every edit is.
	 */
	@Transactional
	public void assign(ItemKey item, Long memberId, UserId user) {
		long itemId = itemIds.get(item).value();
		Member member = memberId == null ? null : member(item.productKey(), memberId);
		Optional<Member> before = team.assignee(itemId);
		team.unassign(itemId);
		if (memberId != null) {
			team.assign(itemId, memberId);
		}
		if (!Objects.equals(before.map(Member::id).orElse(null), memberId)) {
			recordAssignee(item, before.map(Member::name).orElse(null), member == null ? null : member.name(), user);
			if (member != null) {
				events.publishEvent(new ItemAssigned(item, member.name(), member.email(), user));
			}
		}
	}

	/**
	 * Records a change of the item's assignee (by name, null: nobody) and publishes it.
	 */
	private void recordAssignee(ItemKey item, String from, String to, UserId user) {
		backlog.recordChanges(item, List.of(new BacklogService.FieldChange("assignee", from, to)), null, user);
	}

	/** Who works on what: item key → member, for the product. */
	public Map<String, Member> assignees(String productKey) {
		return team.assigneesByItem(products.get(productKey).key());
	}

	/**
	 * Each member's load in the sprint: open points assigned against capacity after days
	 * off.
	 */
	public List<Load> workload(String productKey, long sprintId) {
		return workload.inSprint(productKey, sprintId);
	}

	/**
	 * Each member's load across the release: capacity summed over the release's sprints
	 * (each after the member's days off in it) against the open estimates of the
	 * release's items assigned to them.
	 */
	public List<Load> releaseWorkload(String productKey, long releaseId) {
		return workload.inRelease(productKey, releaseId);
	}

	/**
	 * Members ranked for the item in the sprint: most of the item's labels among their
	 * skills, then most capacity left, then fewest open items.
	 */
	public List<Suggestion> suggest(ItemKey item, long sprintId) {
		return workload.suggest(item, sprintId);
	}

	/**
	 * {@link #suggest} for several items of the product at once (the sprint page): the
	 * backlog and the loads read once.
	 */
	@Transactional(readOnly = true)
	public java.util.Map<ItemKey, List<Suggestion>> suggest(String productKey, List<ItemKey> items, long sprintId) {
		return workload.suggest(productKey, items, sprintId);
	}

	private Member member(String productKey, long id) {
		return members(productKey).stream()
			.filter(m -> m.id() == id)
			.findFirst()
			.orElseThrow(() -> DomainProblem.notFound("Team member " + id));
	}

	private static List<String> normalize(List<String> skills) {
		return skills == null ? List.of()
				: skills.stream()
					.filter(s -> s != null && !s.isBlank())
					.map(s -> s.strip().toLowerCase(Locale.ROOT))
					.distinct()
					.toList();
	}

}
