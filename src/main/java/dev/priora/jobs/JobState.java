package dev.priora.jobs;

/** Where a job is: queued, running, done, failed (nothing kept) or cancelled. */
public enum JobState {

	QUEUED, RUNNING, DONE, FAILED, CANCELLED;

	public boolean finished() {
		return this == DONE || this == FAILED || this == CANCELLED;
	}

}
