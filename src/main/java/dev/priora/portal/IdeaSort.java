package dev.priora.portal;

/**
 * The orders of the idea list: trending (votes of the last 7 days, then all votes), top
 * (all votes) and new (newest first).
 */
public enum IdeaSort {

	TRENDING, TOP, NEW

}
