package dev.priora.backlog;

/** Events published by the backlog, for later features to react to. */
public final class BacklogEvents {

	private BacklogEvents() {
	}

	/** An item was created. */
	public record ItemCreated(ItemId item, ItemKey key) {
	}

	/** An item's fields or status changed. */
	public record ItemUpdated(ItemId item, ItemKey key, long version) {
	}

	/** An item moved in the backlog order. */
	public record ItemMoved(ItemId item, ItemKey key) {
	}

	/**
	 * The product's backlog was put in a new order at once; {@code moved} items changed
	 * place.
	 */
	public record BacklogReordered(String productKey, int moved) {
	}

}
