package dev.priora.roadmap;

/**
 * A release's notes were published ({@code first}: for the first time, not replaced),
 * within the publishing transaction.
 */
public record ReleaseNotesPublished(String productKey, long releaseId, String release, boolean first) {
}
