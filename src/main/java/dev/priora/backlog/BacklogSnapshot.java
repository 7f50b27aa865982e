package dev.priora.backlog;

import java.math.BigDecimal;
import java.util.List;

/**
 * A whole backlog in order, without texts, for features that plan over all of it
 * (prioritization, releases): each item's id, key, type, title, status, estimate, epic
 * and labels, and every "depends on" edge as parallel arrays of item ids ({@code from[i]}
 * waits on {@code to[i]}).
 */
public record BacklogSnapshot(String productKey, List<Entry> items, long[] dependsOnFrom, long[] dependsOnTo) {

	/** One item of the snapshot. */
	public record Entry(long id, ItemKey key, ItemType type, String title, ItemStatus status, BigDecimal estimate,
			ItemKey parent, List<String> labels) {

		/** Done and rejected items are finished: nothing waits on them any more. */
		public boolean open() {
			return status != ItemStatus.DONE && status != ItemStatus.REJECTED;
		}

	}

	/**
	 * A page of items in backlog order, with the cursor of the next page (null on the
	 * last).
	 */
	public record Page(String productKey, List<Entry> items, String nextCursor) {
	}

}
