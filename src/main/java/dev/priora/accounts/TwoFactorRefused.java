package dev.priora.accounts;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A second-factor code (or the password that stands in for it) refused as wrong (400) or
 * unchecked because of too many attempts (429): a problem naming the field that was
 * checked, {@code code} or {@code password}.
 */
final class TwoFactorRefused extends ErrorResponseException {

	private final boolean throttled;

	TwoFactorRefused(boolean throttled, String field) {
		super(throttled ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.BAD_REQUEST,
				ProductRoles
					.problem(throttled ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.BAD_REQUEST, field,
							throttled ? "too many attempts: try again in a few minutes"
									: "password".equals(field) ? "is wrong" : "is wrong, expired or used already")
					.getBody(),
				null);
		this.throttled = throttled;
	}

	boolean throttled() {
		return throttled;
	}

}
