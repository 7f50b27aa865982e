package dev.priora.accounts;

/**
 * A user's two-factor state: {@code enabled} (a confirmed second factor),
 * {@code enrolling} (a secret made but not yet confirmed), whether the admin requires it
 * of this user or of everyone, and how many unused recovery codes are left.
 */
public record TwoFactorStatus(boolean enabled, boolean enrolling, boolean required, boolean requiredForEveryone,
		int recoveryCodesLeft) {

	/** Two-factor is required of this user, one way or the other. */
	public boolean mustUse() {
		return required || requiredForEveryone;
	}

}
