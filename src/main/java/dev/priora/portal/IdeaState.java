package dev.priora.portal;

/**
 * Moderation: a visible idea is shown to every visitor; a held one only to its poster
 * until the team approves it; spam to nobody.
 */
public enum IdeaState {

	VISIBLE, HELD, SPAM

}
