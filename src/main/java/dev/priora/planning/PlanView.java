package dev.priora.planning;

import java.time.Instant;

/**
 * An optimizer run: its state (QUEUED, RUNNING, DONE, CANCELLED, FAILED, APPLIED), live
 * progress (best value and bound so far), its settings and, once it has one, its plan.
 */
public record PlanView(long id, String name, String state, PlanSettings settings, Long bestValue, Long bound,
		Double elapsedSeconds, boolean cancelRequested, PlanResult result, String problem, Instant createdAt,
		Instant appliedAt, Instant undoneAt) {

	public boolean finished() {
		return !"QUEUED".equals(state) && !"RUNNING".equals(state);
	}

	/**
	 * Gap between best value and bound, in percent of the bound (null until both are
	 * known).
	 */
	public Double gapPercent() {
		return bestValue == null || bound == null || bound == 0 ? null
				: Math.round(1000.0 * (bound - bestValue) / bound) / 10.0;
	}

}
