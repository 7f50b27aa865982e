package dev.priora.accounts;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

/**
 * Passkeys in the web filter chain, through Spring Security's WebAuthn support
 * ({@code http.webAuthn}): {@code POST /webauthn/register/options} and
 * {@code POST /webauthn/register} for a signed-in user,
 * {@code POST /webauthn/authenticate/options} and {@code POST /login/webauthn} to sign in
 * (the script is ours, {@code static/js/passkeys.js}; Spring Security's default pages are
 * off). Its sign-in filter gets {@link PasskeySignIn} and the web chain's session
 * strategy (a new session id and CSRF token on success, as after a password). The user
 * entities are Spring Security's JDBC repository; the credentials
 * {@link PasskeyCredentials}.
 */
@Configuration
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
class PasskeyWeb {

	private final PasskeySignIn signIn;

	PasskeyWeb(WebAuthnRelyingPartyOperations relyingParty, UserDetailsService details, AccountRepository users,
			SecurityLog log, RateLimiter limiter, @Value("${priora.security.max-failures-per-address}") int perAddress,
			@Value("${priora.security.lockout-minutes}") int lockoutMinutes, SsoPasswordGate gate) {
		this.signIn = new PasskeySignIn(relyingParty, details, users, log, limiter, perAddress,
				Duration.ofMinutes(lockoutMinutes), gate);
	}

	/** Adds passkey registration and sign-in to the web chain. */
	void configure(HttpSecurity http) throws Exception {
		http.webAuthn(webAuthn -> webAuthn.rpName(PasskeySettings.RP_NAME)
			.disableDefaultRegistrationPage(true)
			.withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
				@Override
				public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
					filter.setAuthenticationManager(new ProviderManager(signIn));
					SessionAuthenticationStrategy web = http.getSharedObject(SessionAuthenticationStrategy.class);
					filter.setSessionAuthenticationStrategy(
							web != null ? web : new ChangeSessionIdAuthenticationStrategy());
					return filter;
				}
			}));
	}

	@Bean
	static PublicKeyCredentialUserEntityRepository passkeyUserEntities(JdbcTemplate jdbc) {
		return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
	}

	@Bean
	static WebAuthnRelyingPartyOperations passkeyRelyingParty(PublicKeyCredentialUserEntityRepository userEntities,
			PasskeyCredentials credentials, Environment env) {
		return new RelyingParty(userEntities, credentials, new PasskeySettings(env));
	}

}
