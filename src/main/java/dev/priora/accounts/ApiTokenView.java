package dev.priora.accounts;

import java.time.Instant;

/**
 * A personal API token without its secret. {@code expiresAt} is null for a token that
 * never expires; {@code expired} tells whether it had expired when it was read.
 */
public record ApiTokenView(long id, String name, String prefix, Instant createdAt, Instant lastUsedAt,
		Instant revokedAt, Instant expiresAt, boolean expired, boolean readOnly, boolean intakeOnly,
		java.util.List<String> products) {

	/** read, read-write or intake (submit feedback only). */
	public String access() {
		return readOnly ? "read" : intakeOnly ? "intake" : "read-write";
	}

	/** Neither revoked nor expired: it still signs requests in. */
	public boolean active() {
		return revokedAt == null && !expired;
	}

	/** active, revoked or expired. */
	public String state() {
		return revokedAt != null ? "revoked" : expired ? "expired" : "active";
	}

	/** The same token as seen at {@code now}. */
	ApiTokenView at(Instant now) {
		boolean over = expiresAt != null && !expiresAt.isAfter(now);
		return new ApiTokenView(id, name, prefix, createdAt, lastUsedAt, revokedAt, expiresAt, over, readOnly,
				intakeOnly, products);
	}

}
