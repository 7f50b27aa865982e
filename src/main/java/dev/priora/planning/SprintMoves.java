package dev.priora.planning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.priora.backlog.BacklogOrder;

/**
 * What applying a plan does to items in sprints: an item stays in its sprint when the
 * plan puts it in the sprint's release (or the sprint belongs to no release); it leaves
 * its sprint when the plan puts it in another release or leaves it out (it is then
 * unplanned). An item of a closed sprint never moves: a plan keeps it where it is.
 */
@Component
class SprintMoves {

	private final PlanningRepository repository;

	private final BacklogOrder backlog;

	SprintMoves(PlanningRepository repository, BacklogOrder backlog) {
		this.repository = repository;
		this.backlog = backlog;
	}

	/**
	 * The product's items, assignments, sprints (started and closed ones) and releases as
	 * they are now.
	 */
	record Now(Map<String, Long> ids, Map<String, String> titles, Map<Long, PlanningRepository.Assignment> assignments,
			Map<Long, SprintView> sprints, Set<Long> started, Set<Long> closed, Map<Long, String> releases) {

		/** Whether the item stays in {@code sprint} when planned for {@code release}. */
		boolean keepsSprint(SprintView sprint, Long release) {
			return release != null && (sprint.releaseId() == null || sprint.releaseId().equals(release));
		}

		/** The sprint the item is in, or null. */
		SprintView sprintOf(long itemId) {
			var a = assignments.get(itemId);
			return a == null || a.sprintId() == null ? null : sprints.get(a.sprintId());
		}

		/** Whether the item is in a closed sprint, which keeps it. */
		boolean inClosedSprint(long itemId) {
			SprintView sprint = sprintOf(itemId);
			return sprint != null && closed.contains(sprint.id());
		}

		/**
		 * The items the result would take out of their sprints, in the plan's order;
		 * items of closed sprints stay, so they are not among them.
		 */
		List<SprintChange> changes(PlanResult result) {
			List<SprintChange> changes = new ArrayList<>();
			Set<Long> planned = new HashSet<>();
			for (var placed : result.planned()) {
				Long id = ids.get(placed.key());
				if (id == null) {
					continue;
				}
				planned.add(id);
				SprintView sprint = inClosedSprint(id) ? null : sprintOf(id);
				if (sprint != null && !keepsSprint(sprint, placed.releaseId())) {
					changes.add(change(placed.key(), id, sprint, placed.releaseId()));
				}
			}
			for (var left : result.excluded()) {
				Long id = ids.get(left.key());
				SprintView sprint = id == null || planned.contains(id) || inClosedSprint(id) ? null : sprintOf(id);
				if (sprint != null) {
					changes.add(change(left.key(), id, sprint, null));
				}
			}
			return changes;
		}

		private SprintChange change(String key, long id, SprintView sprint, Long to) {
			Long from = assignments.get(id).releaseId();
			return new SprintChange(key, titles.get(key), sprint.id(), sprint.name(), started.contains(sprint.id()),
					from, from == null ? null : releases.get(from), to, to == null ? null : releases.get(to));
		}

	}

	Now now(String productKey) {
		Map<String, Long> ids = new HashMap<>();
		Map<String, String> titles = new HashMap<>();
		backlog.snapshot(productKey).items().forEach(e -> {
			ids.put(e.key().toString(), e.id());
			titles.put(e.key().toString(), e.title());
		});
		Map<Long, SprintView> sprints = new HashMap<>();
		repository.sprints(productKey).forEach(s -> sprints.put(s.id(), s));
		Map<Long, String> releases = new HashMap<>();
		repository.releases(productKey).forEach(r -> releases.put(r.id(), r.name()));
		return new Now(ids, titles, repository.assignments(productKey), sprints, repository.startedSprints(productKey),
				repository.closedSprints(productKey), releases);
	}

}
