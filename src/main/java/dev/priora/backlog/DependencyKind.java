package dev.priora.backlog;

/**
 * How two items are linked: the item depends on the target (target first), they merely
 * relate, or the item duplicates the target (a relation marked as a duplicate; neither
 * orders the backlog).
 */
public enum DependencyKind {

	DEPENDS_ON, RELATES_TO, DUPLICATES;

	/** True for links that only relate two items (no order between them). */
	public boolean relation() {
		return this != DEPENDS_ON;
	}

}
