package dev.priora.accounts;

import java.time.Duration;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationProvider;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

/**
 * Sign-in with a passkey: Spring Security's {@link WebAuthnAuthenticationProvider} checks
 * the assertion (signature, challenge, origin, relying party id, user verification), then
 * this signs in the Priora user the passkey belongs to, as a password sign-in would (a
 * {@link SignedInUser} principal), if they are still active. Throttled per client address
 * through the {@link RateLimiter}, sharing the password sign-in's budget: a use is taken
 * before the check and given back on success. Every outcome is in the security log
 * ({@code SIGN_IN}, {@code SIGN_IN_FAILED}, {@code SIGN_IN_THROTTLED} with the detail
 * "passkey"). No second factor follows: the passkey was made and used with user
 * verification, so it is two factors already. When the admin turned password sign-in off
 * for single sign-on, passkeys follow: only the break-glass admin may still use one
 * ({@link SsoPasswordGate}).
 */
final class PasskeySignIn implements AuthenticationProvider {

	static final String DETAIL = "passkey";

	private final AuthenticationProvider webAuthn;

	private final AccountRepository users;

	private final SecurityLog log;

	private final RateLimiter limiter;

	private final RateLimiter.Limit perAddress;

	private final SsoPasswordGate gate;

	PasskeySignIn(WebAuthnRelyingPartyOperations relyingParty, UserDetailsService details, AccountRepository users,
			SecurityLog log, RateLimiter limiter, int maxPerAddress, Duration window, SsoPasswordGate gate) {
		this.webAuthn = new WebAuthnAuthenticationProvider(relyingParty, details);
		this.gate = gate;
		this.users = users;
		this.log = log;
		this.limiter = limiter;
		this.perAddress = new RateLimiter.Limit("sign-in-address", maxPerAddress, window.multipliedBy(3));
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String address = SecurityLog.clientIp();
		Optional<RateLimiter.Permit> from = address == null ? Optional.empty()
				: limiter.tryAcquire(perAddress, address);
		if (address != null && from.isEmpty()) {
			log.record(SecurityEventType.SIGN_IN_THROTTLED, null, null, DETAIL);
			throw new BadCredentialsException("Bad credentials");
		}
		try {
			String email = webAuthn.authenticate(authentication).getName();
			SignedInUser user = users.findByEmail(email)
				.filter(SignedInUser::isEnabled)
				.orElseThrow(() -> new DisabledException("not an active user"));
			gate.check(user);
			from.ifPresent(limiter::release);
			log.record(SecurityEventType.SIGN_IN, user.id(), user.email(), DETAIL);
			return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
		}
		catch (AuthenticationException e) {
			log.record(SecurityEventType.SIGN_IN_FAILED, null, null, DETAIL + ": " + reason(e));
			throw new BadCredentialsException("Bad credentials");
		}
	}

	private static String reason(AuthenticationException e) {
		Throwable cause = e.getCause() == null ? e : e.getCause();
		return cause.getClass().getSimpleName();
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return WebAuthnAuthenticationRequestToken.class.isAssignableFrom(authentication);
	}

}
