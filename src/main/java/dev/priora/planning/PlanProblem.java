package dev.priora.planning;

import java.util.List;
import java.util.Map;

import dev.priora.backlog.BacklogSnapshot;
import dev.priora.planning.engine.ReleaseOptimizer;

/**
 * The problem handed to the release optimizer, and what its indices stand for: item
 * {@code i} of the engine is {@code items.get(i)} with value {@code values[i]}, release
 * {@code j} is {@code releases.get(j)}; {@code leftOut} says why items that are no
 * candidates (or are pinned out) stay out, {@code notes} why candidates are pinned (by
 * item key), and {@code rankOrder} is the order rank-order filling takes them in.
 */
record PlanProblem(ReleaseOptimizer.Problem problem, List<BacklogSnapshot.Entry> items, List<ReleaseView> releases,
		long[] values, Map<String, String> leftOut, int[] rankOrder, Map<String, String> notes) {

	/**
	 * The cost (tenths of a point) pinned into each release: items of started and closed
	 * sprints and pins, which no capacity change can move out.
	 */
	long[] pinnedCost() {
		long[] pinned = new long[releases.size()];
		for (int i = 0; i < problem.pin().length; i++) {
			if (problem.pin()[i] >= 0) {
				pinned[problem.pin()[i]] += problem.cost()[i];
			}
		}
		return pinned;
	}

}
