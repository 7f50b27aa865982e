package dev.priora.jobs;

/** What a running job sees of itself. */
public interface JobContext {

	String id();

	String productKey();

	Long createdBy();

	/** The parameters given to {@link Jobs#start}, read back from JSON. */
	<T> T params(Class<T> type);

	/** The input stored with the job (an uploaded file), read whole; empty if none. */
	byte[] input();

	/**
	 * Records how far the work got, in its own short transaction so every node shows it;
	 * throws {@link Jobs.Cancelled} when a cancel was asked for.
	 */
	void progress(long done, long total);

	/** Whether a cancel was asked for (for work that stops early and keeps a result). */
	boolean cancelRequested();

}
