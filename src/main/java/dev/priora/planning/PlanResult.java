package dev.priora.planning;

import java.math.BigDecimal;
import java.util.List;

/**
 * An optimizer run's plan: its value, the proven bound and the gap, the items per
 * release, the valuable items left out and why, each release's capacity use, the same
 * figures for rank-order filling (what a rank-and-fill tool plans), and why pins could
 * not hold.
 */
public record PlanResult(long value, long bound, boolean optimal, double gapPercent, double seconds,
		List<Placed> planned, List<Excluded> excluded, List<Use> capacity, long rankOrderValue,
		List<Use> rankOrderCapacity, int rankOrderItems, List<String> infeasible, String valueMode) {

	/**
	 * An item in the plan; {@code note} says why it is where it is when it was pinned
	 * there (e.g. its sprint has started), else null.
	 */
	public record Placed(long itemId, String key, String title, BigDecimal estimate, long value, long releaseId,
			String release, String note) {
	}

	/** A candidate left out, with its value and the reason. */
	public record Excluded(String key, String title, BigDecimal estimate, long value, String reason) {
	}

	/** A release's capacity and the points the plan uses of it. */
	public record Use(long releaseId, String release, BigDecimal capacity, BigDecimal used) {
	}

}
