package dev.priora.backlog;

/**
 * Counts shown beside an item in a list: prerequisites (and how many are unfinished),
 * dependents, relations.
 */
public record DependencyBadge(int waitsOn, int openBlockers, int waitedOnBy, int relates) {
	public static final DependencyBadge NONE = new DependencyBadge(0, 0, 0, 0);

}
