package dev.priora.portal;

import java.util.List;

/**
 * One idea as the team's idea page shows it: the idea with the customers behind it, its
 * text (Markdown source), the reason of a decline, the visitors' comments (visible and
 * held, with their authors' addresses) and the team's replies, both oldest first.
 */
public record TeamThread(TeamIdea idea, String body, String declinedReason, List<HeldComment> comments,
		List<TeamReply> replies) {
}
