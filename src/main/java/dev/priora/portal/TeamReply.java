package dev.priora.portal;

import java.time.Instant;

/**
 * The team's reply to visitors on an idea: who wrote it (their name as it is now), its
 * text (Markdown source, at most 5,000 characters), when it was written and last edited
 * (null: never), and its version for optimistic locking.
 */
public record TeamReply(long id, long ideaId, long authorId, String author, String body, Instant createdAt,
		Instant editedAt, long version) {
}
