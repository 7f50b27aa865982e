package dev.priora.accounts;

import java.time.Instant;

/** A personal API token without its secret. */
public record ApiTokenView(long id, String name, String prefix, Instant createdAt, Instant lastUsedAt,
		Instant revokedAt, boolean readOnly, java.util.List<String> products) {

	public boolean active() {
		return revokedAt == null;
	}
}
