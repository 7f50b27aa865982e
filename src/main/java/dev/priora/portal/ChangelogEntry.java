package dev.priora.portal;

import java.time.Instant;

/** One release's published notes (Markdown) on the portal's changelog. */
public record ChangelogEntry(long releaseId, String release, String markdown, Instant publishedAt) {
}
