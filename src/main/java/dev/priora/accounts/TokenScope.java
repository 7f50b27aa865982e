package dev.priora.accounts;

import java.util.Set;

/**
 * What a personal token may reach: read-only, read-write, or intake-only (nothing but
 * submitting feedback, for a support desk or a website form), and all of the user's
 * products ({@code productKeys} empty) or only the listed ones. A token never exceeds its
 * user's roles.
 */
public record TokenScope(boolean readOnly, boolean intakeOnly,
		Set<String> productKeys) implements java.io.Serializable {

	public static final TokenScope FULL = new TokenScope(false, false, Set.of());

	public TokenScope {
		productKeys = Set.copyOf(productKeys);
		if (readOnly && intakeOnly) {
			throw new IllegalArgumentException("A token is read-only or intake-only, not both.");
		}
	}

	public boolean reaches(String productKey) {
		return productKeys.isEmpty() || productKeys.contains(productKey);
	}

	/** How the scope is stored and shown: read, write or intake. */
	public String access() {
		return readOnly ? "read" : intakeOnly ? "intake" : "write";
	}

	static TokenScope of(String access, Set<String> productKeys) {
		return new TokenScope("read".equals(access), "intake".equals(access), productKeys);
	}
}
