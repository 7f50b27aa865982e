package dev.priora.refinement.poker;

import java.time.Instant;

/**
 * A session in the product's list: how many of its items are settled (accepted or
 * skipped).
 */
public record SessionListing(long id, String name, SessionStatus status, String createdBy, Instant createdAt,
		Instant closedAt, int items, int settled) {
}
