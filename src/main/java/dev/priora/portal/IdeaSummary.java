package dev.priora.portal;

import java.time.Instant;

/** An idea as a visitor's list shows it: counts only, never who voted. */
public record IdeaSummary(long id, String title, String category, IdeaState state, IdeaStatus status, int votes,
		int comments, Instant createdAt, boolean votedByMe) {
}
