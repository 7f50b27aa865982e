package dev.priora.backlog;

import java.time.Instant;

/** One recorded change of an item: field, old → new, an optional note, who and when. */
public record HistoryEntry(String field, String oldValue, String newValue, String note, String changedBy,
		Instant changedAt) {
}
