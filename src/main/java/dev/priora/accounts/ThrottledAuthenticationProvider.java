package dev.priora.accounts;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Password sign-in with throttling: after {@code maxPerAccount} failures for one email
 * within the lock-out window, or {@code maxPerAddress} failures from one client address
 * within three windows, further attempts are refused until the window has passed. The
 * lock-out is rolling and short, so an attacker can keep nobody out for long; every
 * refusal is the same generic "bad credentials", for unknown users, wrong passwords,
 * deactivated users and throttled attempts alike. Each outcome goes to the security log.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider delegate;

	private final SecurityLog log;

	private final Clock clock;

	private final int maxPerAccount;

	private final int maxPerAddress;

	private final Duration window;

	ThrottledAuthenticationProvider(AuthenticationProvider delegate, SecurityLog log, Clock clock, int maxPerAccount,
			int maxPerAddress, Duration window) {
		this.delegate = delegate;
		this.log = log;
		this.clock = clock;
		this.maxPerAccount = maxPerAccount;
		this.maxPerAddress = maxPerAddress;
		this.window = window;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String email = String.valueOf(authentication.getName()).strip().toLowerCase(Locale.ROOT);
		String address = SecurityLog.clientIp();
		if (throttled(email, address)) {
			log.record(SecurityEventType.SIGN_IN_THROTTLED, null, email, null);
			throw new BadCredentialsException("Bad credentials");
		}
		try {
			Authentication result = delegate.authenticate(authentication);
			SignedInUser user = (SignedInUser) result.getPrincipal();
			log.record(SecurityEventType.SIGN_IN, user.id(), email, null);
			return result;
		}
		catch (AuthenticationException e) {
			log.record(SecurityEventType.SIGN_IN_FAILED, null, email, e.getClass().getSimpleName());
			throw new BadCredentialsException("Bad credentials");
		}
	}

	private boolean throttled(String email, String address) {
		var now = clock.instant();
		if (log.countSince(SecurityEventType.SIGN_IN_FAILED, "subject", email, now.minus(window)) >= maxPerAccount) {
			return true;
		}
		return address != null && log.countSince(SecurityEventType.SIGN_IN_FAILED, "client_ip", address,
				now.minus(window.multipliedBy(3))) >= maxPerAddress;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
