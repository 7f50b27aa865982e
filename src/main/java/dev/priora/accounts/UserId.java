package dev.priora.accounts;

/** Identifies a user. */
public record UserId(long value) implements java.io.Serializable {
	public UserId {
		if (value <= 0) {
			throw new IllegalArgumentException("user id must be positive");
		}
	}
}
