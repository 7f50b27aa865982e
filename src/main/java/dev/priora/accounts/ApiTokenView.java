package dev.priora.accounts;

import java.time.Instant;

/** A personal API token without its secret. */
public record ApiTokenView(long id, String name, String prefix, Instant createdAt, Instant lastUsedAt,
		Instant revokedAt, boolean readOnly, boolean intakeOnly, java.util.List<String> products) {

	/** read, read-write or intake (submit feedback only). */
	public String access() {
		return readOnly ? "read" : intakeOnly ? "intake" : "read-write";
	}

	public boolean active() {
		return revokedAt == null;
	}
}
