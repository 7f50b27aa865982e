package dev.priora.portal;

import java.time.Instant;

/** A comment as the team moderates it: its idea, author's address, text and state. */
public record HeldComment(long id, long ideaId, String ideaTitle, String author, String body, CommentState state,
		Instant createdAt) {
}
