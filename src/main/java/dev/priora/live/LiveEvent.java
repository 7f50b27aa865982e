package dev.priora.live;

import java.time.Instant;

/**
 * One row of the change table: what changed ({@code type}, the stream's event name, with
 * its JSON {@code payload}) for the readers of a product, or for one person when
 * {@code userId} is set. {@code id} is the stream's event id.
 */
record LiveEvent(long id, String productKey, Long userId, String type, String payload, Instant createdAt) {

	/**
	 * Whether a connection to {@code product} (null: no product page) by {@code user}
	 * receives it.
	 */
	boolean reaches(long user, String product) {
		if (userId != null) {
			return userId == user;
		}
		return productKey != null && productKey.equals(product);
	}

}
