package dev.priora.backlog;

/**
 * How two items are linked: the item depends on the target (target first), or they merely
 * relate.
 */
public enum DependencyKind {

	DEPENDS_ON, RELATES_TO

}
