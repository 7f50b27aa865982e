package dev.priora.backlog;

/** The other end of a dependency as shown on an item. */
public record LinkedItem(ItemKey key, String title, ItemStatus status, DependencyKind kind) {

	public boolean done() {
		return status == ItemStatus.DONE;
	}
}
