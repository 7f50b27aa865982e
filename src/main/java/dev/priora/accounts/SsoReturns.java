package dev.priora.accounts;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

/** What a single sign-on that came back incomplete says to the person. */
final class SsoReturns {

	private SsoReturns() {
	}

	/**
	 * One sentence for a sign-on that did not come back complete: what happened and what
	 * to do. A return whose sign-in request Priora no longer holds (the page reloaded
	 * after the provider answered, the back button, or a request that expired) is the
	 * common one.
	 */
	static String incomplete(AuthenticationException e) {
		String code = e instanceof OAuth2AuthenticationException o ? o.getError().getErrorCode() : "";
		if (stale(e)) {
			code = "stale";
		}
		return switch (code) {
			case "stale" ->
				"This single sign-on was already used or has expired (for example, the page was reloaded after your"
						+ " organisation's sign-in answered), so you are not signed in: sign in again.";
			case "access_denied" -> "Your organisation's sign-in was cancelled or refused, so you are not signed in:"
					+ " sign in again, or ask your administrator if it keeps refusing.";
			default -> "The single sign-on did not complete (" + e.getMessage()
					+ "), so you are not signed in: sign in again.";
		};
	}

	/**
	 * The provider answered a sign-in Priora no longer holds (already used, or expired).
	 */
	static boolean stale(AuthenticationException e) {
		return e instanceof OAuth2AuthenticationException o
				&& ("authorization_request_not_found".equals(o.getError().getErrorCode())
						|| "invalid_state_parameter".equals(o.getError().getErrorCode()));
	}

}
