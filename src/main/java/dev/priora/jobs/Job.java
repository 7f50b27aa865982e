package dev.priora.jobs;

import java.time.Instant;
import java.util.Map;

/**
 * A background job as stored: its kind and product, state, progress ({@code done} of
 * {@code total}, in the kind's unit), whether a cancel was asked for, its parameters and
 * result as JSON, and its problem ({@code detail} and the problem's properties) when it
 * failed.
 */
public record Job(String id, String kind, String productKey, JobState state, long done, long total,
		boolean cancelRequested, String params, String result, Map<String, Object> problem, Long createdBy,
		Instant createdAt, Instant startedAt, Instant finishedAt) {

	/** How far it got, 0 to 100; 100 once done. */
	public int percent() {
		return state == JobState.DONE ? 100 : total <= 0 ? 0 : (int) Math.min(100, 100 * done / total);
	}

}
