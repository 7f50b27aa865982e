package dev.priora.planning;

import java.time.Instant;

/**
 * An optimizer run: its state (QUEUED, RUNNING, DONE, CANCELLED, FAILED, APPLIED), live
 * progress (best value and bound so far), its settings and, once it has one, its plan;
 * for a plan that can be applied, the items applying it would take out of their sprints
 * ({@code sprintChanges}, from the current assignments; applying then needs a
 * {@link SprintItems} choice).
 */
public record PlanView(long id, String name, String state, PlanSettings settings, Long bestValue, Long bound,
		Double elapsedSeconds, boolean cancelRequested, PlanResult result, String problem, Instant createdAt,
		Instant appliedAt, Instant undoneAt, java.util.List<SprintChange> sprintChanges) {

	public PlanView {
		sprintChanges = sprintChanges == null ? java.util.List.of() : java.util.List.copyOf(sprintChanges);
	}

	/** Whether any item leaving its sprint is in a started one. */
	public boolean startedSprintChanges() {
		return sprintChanges.stream().anyMatch(SprintChange::started);
	}

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
