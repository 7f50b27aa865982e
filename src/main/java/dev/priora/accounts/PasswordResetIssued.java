package dev.priora.accounts;

import java.time.Instant;

/**
 * A password-reset link was issued (by an administrator or asked for on the sign-in
 * page), published inside its transaction: what an e-mail needs to carry the link
 * ({@code /reset/{secret}}). The secret is never stored by accounts (only its SHA-256),
 * so a listener that keeps it must protect it.
 *
 * @param user the user whose password the link resets
 * @param email their address
 * @param displayName their name
 * @param secret the one-time secret of the link
 * @param expiresAt when the link stops working
 * @param selfService whether the user asked for it (else an administrator issued it)
 */
public record PasswordResetIssued(UserId user, String email, String displayName, String secret, Instant expiresAt,
		boolean selfService) {

	@Override
	public String toString() {
		return "PasswordResetIssued[" + email + "]";
	}

}
