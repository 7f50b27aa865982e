package dev.priora.scenarios;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A scenario as read: its settings and changes, its state (NEW: never run or changed
 * since; QUEUED, RUNNING; DONE: its result is its changes' as they stand; FAILED with the
 * reason in {@code problem}), its version (the ETag), and its last result.
 */
public record ScenarioView(long id, String name, ScenarioCommand.Value value, double discount, int timeLimitSeconds,
		List<ScenarioChange> changes, String state, String problem, long version, Instant createdAt, Instant updatedAt,
		Outcome result) {

	/** Whether a run is queued or under way (the page polls while it is). */
	public boolean running() {
		return "QUEUED".equals(state) || "RUNNING".equals(state);
	}

	/**
	 * A run's result: the plan's value, the proven bound and gap, the value of the board
	 * as it stood under the same settings ({@code boardValue}), each unreleased release
	 * with its capacity in the scenario, what the plan uses, its items and its forecast
	 * (dates at 50/85/95 %, the odds of its target date), the planned items, and how the
	 * changes were counted ({@code notes}).
	 */
	public record Outcome(Instant ranAt, long value, long bound, boolean optimal, double gapPercent, double seconds,
			long boardValue, List<ReleaseOutcome> releases, List<PlacedItem> items, List<String> notes) {
	}

	/**
	 * A release in a scenario's result: capacity (points, after the changes) and points
	 * used by the plan, its planned items, the dates at 50, 85 and 95 % and the
	 * probability that its content is done by its target date (null when there is none or
	 * nothing to forecast from), and its flag.
	 */
	public record ReleaseOutcome(long releaseId, String name, LocalDate targetDate, BigDecimal capacity,
			BigDecimal used, int items, LocalDate p50Date, LocalDate p85Date, LocalDate p95Date, Double probability,
			String flag) {
	}

	/** An item the scenario plans, in a release. */
	public record PlacedItem(long itemId, String key, String title, BigDecimal estimate, long value, long releaseId,
			String release) {
	}

}
