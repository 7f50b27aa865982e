package dev.priora.jobs;

/**
 * What a kind of job does. A feature declares one bean per kind; {@link Jobs#start}
 * queues a job of that kind and any node runs it.
 */
public interface JobWork {

	/** The kind's name, e.g. {@code feedback-import}; at most 40 characters. */
	String kind();

	/**
	 * Does the work in one transaction (the job's end is recorded in the same one, so
	 * finished work and its result commit together) and returns the result to record as
	 * JSON. Throwing {@link Jobs.Cancelled} (from {@link JobContext#progress}) rolls the
	 * work back and ends the job cancelled; a {@link Jobs.Stopped} result ends it
	 * cancelled with what it kept; any other exception rolls back and ends it failed with
	 * the problem.
	 */
	Object run(JobContext context);

}
