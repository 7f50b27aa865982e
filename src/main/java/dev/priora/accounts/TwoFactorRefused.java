package dev.priora.accounts;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A second-factor code refused as wrong (400) or unchecked because of too many attempts
 * (429): a problem naming {@code code}.
 */
final class TwoFactorRefused extends ErrorResponseException {

	private final boolean throttled;

	TwoFactorRefused(boolean throttled) {
		super(throttled ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.BAD_REQUEST,
				ProductRoles
					.problem(throttled ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.BAD_REQUEST, "code",
							throttled ? "too many attempts: try again in a few minutes"
									: "is wrong, expired or used already")
					.getBody(),
				null);
		this.throttled = throttled;
	}

	boolean throttled() {
		return throttled;
	}

}
