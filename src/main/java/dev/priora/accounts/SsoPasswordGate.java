package dev.priora.accounts;

import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsChecker;
import org.springframework.stereotype.Component;

/**
 * Checked before every password (web form and HTTP Basic alike): the account must be
 * active and, when the admin turned password sign-in off, be the break-glass admin. API
 * tokens are not passwords and keep working.
 */
@Component
class SsoPasswordGate implements UserDetailsChecker {

	private final AccountStatusUserDetailsChecker status = new AccountStatusUserDetailsChecker();

	private final SsoAdmin sso;

	SsoPasswordGate(SsoAdmin sso) {
		this.sso = sso;
	}

	@Override
	public void check(UserDetails user) {
		status.check(user);
		if (!sso.policy().passwordAllowedFor(user.getUsername())) {
			throw new DisabledException("password sign-in is off");
		}
	}

}
