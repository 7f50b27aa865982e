package dev.priora.planning;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.accounts.UserId;
import dev.priora.backlog.BacklogOrder;
import dev.priora.problem.DomainProblem;
import dev.priora.backlog.ItemKey;
import dev.priora.backlog.ItemPlans.Plan;
import dev.priora.backlog.ProductService;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies a finished plan and undoes it, each as one change through
 * {@link ItemAssignments#moveAll}: every item that moves gets its history and
 * {@code item.updated}, and a closed sprint neither loses nor gains items. What an apply
 * replaced is kept with the plan for its undo.
 */
@Component
class PlanApplier {

	private final PlanViews views;

	private final ProductService products;

	private final ReleasePlanRepository plans;

	private final ItemAssignments assignments;

	private final SprintMoves sprintMoves;

	private final BacklogOrder backlog;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PlanApplier(PlanViews views, ProductService products, ReleasePlanRepository plans, ItemAssignments assignments,
			SprintMoves sprintMoves, BacklogOrder backlog, JsonMapper json, ApplicationEventPublisher events,
			Clock clock) {
		this.views = views;
		this.products = products;
		this.plans = plans;
		this.assignments = assignments;
		this.sprintMoves = sprintMoves;
		this.backlog = backlog;
		this.json = json;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Assigns the plan's items to their releases and unplans the candidates it left out:
	 * one change. An item stays in its sprint when the plan puts it in the sprint's
	 * release, and an item of a closed sprint stays where it is; when the plan would take
	 * items out of their sprints, {@code sprintItems} must say what to do with them (409
	 * naming them otherwise): keep them where they are (all, or those of started sprints)
	 * or move them as planned.
	 */
	@Transactional
	PlanView apply(String productKey, long id, SprintItems sprintItems, UserId user) {
		PlanView p = views.get(productKey, id);
		if (p.result() == null || !"DONE".equals(p.state()) && !"CANCELLED".equals(p.state())) {
			throw DomainProblem.conflict("plan-not-ready", "Only a finished plan with a result can be applied.");
		}
		if (!p.result().infeasible().isEmpty()) {
			throw DomainProblem.conflict("plan-infeasible", "This plan's pins cannot hold; it has nothing to apply.");
		}
		String key = products.get(productKey).key();
		SprintMoves.Now now = sprintMoves.now(key);
		List<SprintChange> changes = now.changes(p.result());
		if (!changes.isEmpty() && sprintItems == null) {
			throw sprintChoiceNeeded(changes);
		}
		Set<Long> kept = new HashSet<>();
		for (SprintChange c : changes) {
			if (sprintItems.keeps(c.started())) {
				kept.add(now.ids().get(c.key()));
			}
		}
		Map<Long, Long[]> previous = new LinkedHashMap<>();
		List<ItemAssignments.Move> moves = new ArrayList<>();
		for (var placed : p.result().planned()) {
			Long itemId = now.ids().get(placed.key());
			if (itemId != null && !kept.contains(itemId) && !now.inClosedSprint(itemId)) {
				SprintView sprint = now.sprintOf(itemId);
				moves.add(move(previous, now, placed.key(), itemId, new Plan(placed.releaseId(),
						sprint != null && now.keepsSprint(sprint, placed.releaseId()) ? sprint.id() : null)));
			}
		}
		for (var left : p.result().excluded()) {
			Long itemId = now.ids().get(left.key());
			if (itemId != null && !previous.containsKey(itemId) && !kept.contains(itemId) && !now.inClosedSprint(itemId)
					&& now.assignments().containsKey(itemId)) {
				moves.add(move(previous, now, left.key(), itemId, Plan.NONE));
			}
		}
		assignments.moveAll(key, moves, user, "plan \"" + p.name() + "\" applied");
		plans.applied(id, json.writeValueAsString(previous), clock.instant());
		List<String> moved = moves.stream()
			.filter(m -> !java.util.Arrays.equals(previous.get(m.itemId()),
					new Long[] { m.to().releaseId(), m.to().sprintId() }))
			.map(m -> m.item().toString())
			.toList();
		events.publishEvent(
				new PlanApplied(key, id, p.name(), p.result().value(), p.result().planned().size(), moved, user));
		return views.get(key, id);
	}

	/**
	 * Puts back the releases and sprints the plan replaced (items deleted since are left
	 * out): one change, refused whole (409) when an item would leave or go back into a
	 * sprint closed since, or its release or sprint was deleted since.
	 */
	@Transactional
	PlanView undo(String productKey, long id, UserId user) {
		String key = products.get(productKey).key();
		var row = views.row(key, id);
		if (!"APPLIED".equals(row.state()) || row.previous() == null) {
			throw DomainProblem.conflict("plan-not-applied", "This plan is not applied; there is nothing to undo.");
		}
		@SuppressWarnings("unchecked")
		Map<String, List<Number>> previous = json.readValue(row.previous(), Map.class);
		Map<Long, ItemKey> exists = new HashMap<>();
		backlog.snapshot(key).items().forEach(e -> exists.put(e.id(), e.key()));
		List<ItemAssignments.Move> moves = new ArrayList<>();
		previous.forEach((item, was) -> {
			long itemId = Long.parseLong(item);
			if (exists.containsKey(itemId)) {
				moves.add(new ItemAssignments.Move(exists.get(itemId), itemId,
						new Plan(longOrNull(was.get(0)), longOrNull(was.get(1)))));
			}
		});
		assignments.moveAll(key, moves, user, "plan \"" + row.name() + "\" undone");
		plans.undone(id, clock.instant());
		return views.get(key, id);
	}

	/** The move of one item, remembering where it was for the undo. */
	private static ItemAssignments.Move move(Map<Long, Long[]> previous, SprintMoves.Now now, String itemKey,
			long itemId, Plan to) {
		var was = now.assignments().get(itemId);
		previous.putIfAbsent(itemId,
				new Long[] { was == null ? null : was.releaseId(), was == null ? null : was.sprintId() });
		return new ItemAssignments.Move(ItemKey.parse(itemKey).orElseThrow(), itemId, to);
	}

	private static Long longOrNull(Number n) {
		return n == null ? null : n.longValue();
	}

	private static DomainProblem sprintChoiceNeeded(List<SprintChange> changes) {
		List<String> named = changes.stream()
			.map(c -> c.key() + " (" + c.sprint() + (c.started() ? ", started" : "") + " → "
					+ (c.toRelease() == null ? "unplanned" : c.toRelease()) + ")")
			.toList();
		return DomainProblem.conflict("sprint-items-choice",
				"Applying this plan takes " + changes.size() + (changes.size() == 1 ? " item" : " items") + " out of "
						+ (changes.size() == 1 ? "its sprint" : "their sprints") + ": " + String.join(", ", named)
						+ ". Say what to do with them: sprintItems KEEP (keep every item in a sprint where it is),"
						+ " KEEP_STARTED (keep those of started sprints) or MOVE (move them as planned).")
			.with("sprintChanges", changes)
			.with("choices", List.of(SprintItems.values()));
	}

}
