package dev.priora.accounts;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Password sign-in with throttling through the {@link RateLimiter}: at most
 * {@code maxPerAccount} failed attempts for one e-mail within the lock-out window, and
 * {@code maxPerAddress} from one client address within three windows; further attempts
 * are refused until the window has passed. Each attempt takes a use of both limits before
 * the password is checked and gives them back when it succeeds, so parallel guesses
 * cannot slip past the limit. The lock-out is rolling and short, so an attacker can keep
 * nobody out for long; every refusal is the same generic "bad credentials", for unknown
 * users, wrong passwords, deactivated users and throttled attempts alike. Each outcome
 * goes to the security log. The client address is the connection's, or the one a trusted
 * proxy forwarded ({@code priora.trusted-proxies}).
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider delegate;

	private final SecurityLog log;

	private final RateLimiter limiter;

	private final RateLimiter.Limit perAccount;

	private final RateLimiter.Limit perAddress;

	ThrottledAuthenticationProvider(AuthenticationProvider delegate, SecurityLog log, RateLimiter limiter,
			int maxPerAccount, int maxPerAddress, Duration window) {
		this.delegate = delegate;
		this.log = log;
		this.limiter = limiter;
		this.perAccount = new RateLimiter.Limit("sign-in-account", maxPerAccount, window);
		this.perAddress = new RateLimiter.Limit("sign-in-address", maxPerAddress, window.multipliedBy(3));
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String email = String.valueOf(authentication.getName()).strip().toLowerCase(Locale.ROOT);
		String address = SecurityLog.clientIp();
		Optional<RateLimiter.Permit> account = limiter.tryAcquire(perAccount, email);
		Optional<RateLimiter.Permit> from = account.isEmpty() || address == null ? Optional.empty()
				: limiter.tryAcquire(perAddress, address);
		if (account.isEmpty() || (address != null && from.isEmpty())) {
			account.ifPresent(limiter::release);
			log.record(SecurityEventType.SIGN_IN_THROTTLED, null, email, null);
			throw new BadCredentialsException("Bad credentials");
		}
		try {
			Authentication result = delegate.authenticate(authentication);
			account.ifPresent(limiter::release);
			from.ifPresent(limiter::release);
			SignedInUser user = (SignedInUser) result.getPrincipal();
			log.record(SecurityEventType.SIGN_IN, user.id(), email, null);
			return result;
		}
		catch (AuthenticationException e) {
			log.record(SecurityEventType.SIGN_IN_FAILED, null, email, e.getClass().getSimpleName());
			throw new BadCredentialsException("Bad credentials");
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
