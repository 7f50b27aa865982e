package dev.priora.accounts;

import java.util.Set;

/**
 * What a personal token may reach: read-only or read-write, and all of the user's
 * products ({@code productKeys} empty) or only the listed ones. A token never exceeds its
 * user's roles.
 */
public record TokenScope(boolean readOnly, Set<String> productKeys) implements java.io.Serializable {

	public static final TokenScope FULL = new TokenScope(false, Set.of());

	public TokenScope {
		productKeys = Set.copyOf(productKeys);
	}

	public boolean reaches(String productKey) {
		return productKeys.isEmpty() || productKeys.contains(productKey);
	}
}
