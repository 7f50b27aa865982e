package dev.priora.accounts;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * A single sign-on the provider vouched for but Priora refuses; the message is for the
 * person, {@code email} (may be null) for the audit log.
 */
final class SsoRefused extends OAuth2AuthenticationException {

	private static final long serialVersionUID = 1L;

	private final String email;

	SsoRefused(String email, String reason) {
		super(new OAuth2Error("access_denied", reason, null), reason);
		this.email = email;
	}

	String email() {
		return email;
	}

}
