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
		List<Use> rankOrderCapacity, int rankOrderItems, List<String> infeasible, String valueMode, Promise promise) {

	/** The plan without a promise. */
	public PlanResult(long value, long bound, boolean optimal, double gapPercent, double seconds, List<Placed> planned,
			List<Excluded> excluded, List<Use> capacity, long rankOrderValue, List<Use> rankOrderCapacity,
			int rankOrderItems, List<String> infeasible, String valueMode) {
		this(value, bound, optimal, gapPercent, seconds, planned, excluded, capacity, rankOrderValue, rankOrderCapacity,
				rankOrderItems, infeasible, valueMode, null);
	}

	/** This plan with what reaching the confidence cost. */
	PlanResult withPromise(Promise p) {
		return new PlanResult(value, bound, optimal, gapPercent, seconds, planned, excluded, capacity, rankOrderValue,
				rankOrderCapacity, rankOrderItems, infeasible, valueMode, p);
	}

	/**
	 * An "only what we can promise" plan: the confidence, each release's window (see
	 * {@link Window}), the value of the plain plan (same settings, the releases'
	 * capacities as set) and the items the plain plan has that this one left out to reach
	 * the confidence, the most valuable first.
	 */
	@com.fasterxml.jackson.annotation.JsonIgnoreProperties(value = "valueLost", allowGetters = true)
	public record Promise(double confidence, List<Window> releases, long plainValue, List<Excluded> leftOut) {

		/** Value given up to reach the confidence (0 or more). */
		@com.fasterxml.jackson.annotation.JsonProperty("valueLost")
		public long valueLost() {
			return leftOut.stream().mapToLong(Excluded::value).sum();
		}

	}

	/**
	 * A release's capacity as set and the points that can be promised in it
	 * ({@code promised}: what the team finishes by its target date at the confidence,
	 * after the releases before it; null when that cannot be said, then the capacity as
	 * set holds), what the plan uses, and why.
	 */
	public record Window(long releaseId, String release, java.time.LocalDate target, BigDecimal capacity,
			BigDecimal promised, String note) {

		/** What the plan may fill: the smaller of the capacity and the promise. */
		public BigDecimal limit() {
			return promised == null ? capacity : capacity.min(promised);
		}

	}

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
