package dev.priora.accounts;

import java.time.Instant;

/**
 * An invitation was issued, published inside its transaction: what an e-mail needs to
 * carry the link ({@code /invite/{secret}}). The secret is never stored by accounts (only
 * its SHA-256), so a listener that keeps it must protect it.
 *
 * @param email the invited address (lower case)
 * @param secret the one-time secret of the link
 * @param expiresAt when the link stops working
 * @param invitedBy the administrator who invited
 */
public record InvitationIssued(String email, String secret, Instant expiresAt, UserId invitedBy) {

	@Override
	public String toString() {
		return "InvitationIssued[" + email + "]";
	}

}
