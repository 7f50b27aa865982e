package dev.priora.accounts;

/**
 * What a password change, reset or deactivation ended: how many web sessions were signed
 * out and how many personal API tokens were revoked.
 */
public record SessionsEnded(int sessions, int tokens) {

	/** In words, for pages and the audit log: "2 sessions ended, 1 token revoked". */
	public String describe() {
		return sessions + (sessions == 1 ? " session" : " sessions") + " ended, " + tokens
				+ (tokens == 1 ? " token" : " tokens") + " revoked";
	}

}
