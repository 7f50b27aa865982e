package dev.priora.backlog;

import dev.priora.accounts.UserId;

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

	/** An item's status changed from {@code from} to {@code to}, by {@code actor}. */
	public record StatusChanged(ItemId item, ItemKey key, String title, ItemStatus from, ItemStatus to, UserId actor) {
	}

	/** A user commented on an item. */
	public record CommentAdded(ItemId item, ItemKey key, String title, long commentId, String body, UserId author) {
	}

	/**
	 * An item's description was written: on creation ({@code previous} null) or changed
	 * by an edit.
	 */
	public record DescriptionWritten(ItemId item, ItemKey key, String title, String previous, String description,
			UserId actor) {
	}

}
