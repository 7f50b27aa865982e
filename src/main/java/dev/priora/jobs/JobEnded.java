package dev.priora.jobs;

/**
 * A job ended ({@code state} DONE, CANCELLED or FAILED, with the problem's {@code detail}
 * when it failed); published in the transaction that records the end.
 */
public record JobEnded(String jobId, String kind, String productKey, JobState state, Long createdBy, String detail) {
}
