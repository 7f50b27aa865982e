package dev.priora.portal;

import java.time.Instant;
import java.util.List;

import dev.priora.feedback.Importance;

/**
 * One idea as a visitor sees it: its text (Markdown source), status with the reason when
 * declined, counts, the reader's own vote and whether they follow it, and the comments
 * with the team's replies among them, oldest first (authors shown as "you" or "a
 * visitor"; the reader's own held ones marked; a team reply with its author's name).
 */
public record IdeaDetail(IdeaSummary summary, String body, String declinedReason, boolean mine, Importance myVote,
		boolean voted, boolean following, List<Comment> comments) {

	/**
	 * A comment; {@code mine} when the reader wrote it; {@code team} the team member's
	 * name when it is the team's reply (null for a visitor's comment), {@code edited}
	 * when the team edited its reply.
	 */
	public record Comment(long id, String body, Instant createdAt, boolean mine, boolean held, String team,
			boolean edited) {

		public boolean fromTeam() {
			return team != null;
		}

	}

}
