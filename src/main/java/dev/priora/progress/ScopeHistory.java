package dev.priora.progress;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.priora.backlog.BacklogSnapshot;
import dev.priora.planning.PlanningService.AssignmentChange;

/**
 * What a sprint or release held at any moment: each item's release and sprint (from the
 * assignment log), its estimate (from its history) and whether it was done (from its
 * status changes). Burndowns and burnups read scope from here, so items added or taken
 * out mid-way show as scope changes instead of vanishing.
 */
final class ScopeHistory {

	/** A value of an item from a moment on. */
	private record Step<T>(Instant at, T value) {
	}

	private final Map<Long, List<Step<Long[]>>> placement = new HashMap<>();

	private final Map<Long, List<Step<BigDecimal>>> estimates = new HashMap<>();

	private final Map<Long, BigDecimal> firstEstimate = new HashMap<>();

	private final Map<Long, List<Step<Boolean>>> done = new HashMap<>();

	private final Map<Long, BacklogSnapshot.Entry> items = new HashMap<>();

	ScopeHistory(BacklogSnapshot snapshot, List<AssignmentChange> log, List<ProgressRepository.FieldChange> estimates,
			List<ProgressRepository.StatusChange> statuses) {
		Map<String, Long> ids = new HashMap<>();
		for (var e : snapshot.items()) {
			items.put(e.id(), e);
			ids.put(e.key().toString(), e.id());
		}
		for (var a : log) {
			placement.computeIfAbsent(a.itemId(), k -> new ArrayList<>())
				.add(new Step<>(a.at(), new Long[] { a.releaseId(), a.sprintId() }));
		}
		for (var c : estimates) {
			Long id = ids.get(c.itemKey());
			if (id != null) {
				firstEstimate.putIfAbsent(id, number(c.from()));
				this.estimates.computeIfAbsent(id, k -> new ArrayList<>()).add(new Step<>(c.at(), number(c.to())));
			}
		}
		for (var s : statuses) {
			Long id = ids.get(s.itemKey());
			if (id != null) {
				done.computeIfAbsent(id, k -> new ArrayList<>()).add(new Step<>(s.at(), "DONE".equals(s.to())));
			}
		}
	}

	/** Items ever placed in the sprint. */
	List<Long> everInSprint(long sprintId) {
		return ever(1, sprintId);
	}

	/** Items ever placed in the release. */
	List<Long> everInRelease(long releaseId) {
		return ever(0, releaseId);
	}

	boolean inSprint(long item, long sprintId, Instant at) {
		Long[] p = last(placement.get(item), at, null);
		return p != null && p[1] != null && p[1] == sprintId;
	}

	boolean inRelease(long item, long releaseId, Instant at) {
		Long[] p = last(placement.get(item), at, null);
		return p != null && p[0] != null && p[0] == releaseId;
	}

	/** The item's estimate at the moment (0 when it had none). */
	BigDecimal points(long item, Instant at) {
		List<Step<BigDecimal>> steps = estimates.get(item);
		BigDecimal p;
		if (steps == null) {
			p = items.containsKey(item) ? items.get(item).estimate() : null;
		}
		else {
			p = last(steps, at, firstEstimate.get(item));
		}
		return p == null ? BigDecimal.ZERO : p;
	}

	boolean done(long item, Instant at) {
		return Boolean.TRUE.equals(last(done.get(item), at, false));
	}

	String key(long item) {
		return items.containsKey(item) ? items.get(item).key().toString() : String.valueOf(item);
	}

	private List<Long> ever(int index, long id) {
		List<Long> result = new ArrayList<>();
		placement.forEach((item, steps) -> {
			if (items.containsKey(item)
					&& steps.stream().anyMatch(s -> s.value()[index] != null && s.value()[index] == id)) {
				result.add(item);
			}
		});
		result.sort(null);
		return result;
	}

	private static <T> T last(List<Step<T>> steps, Instant at, T before) {
		if (steps == null) {
			return before;
		}
		T value = before;
		for (Step<T> s : steps) {
			if (s.at().isAfter(at)) {
				break;
			}
			value = s.value();
		}
		return value;
	}

	private static BigDecimal number(String text) {
		try {
			return text == null || text.isBlank() ? null : new BigDecimal(text.strip());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

}
