package dev.priora.portal;

/**
 * Moderation of a comment: a visible one is shown to every visitor; a held one only to
 * its author until the team approves it; a rejected one or spam to nobody.
 */
public enum CommentState {

	VISIBLE, HELD, REJECTED, SPAM

}
