package dev.priora.accounts;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Three filter chains: token creation (HTTP Basic), the rest of the API (bearer tokens,
 * stateless; a signed-in session may also read, see {@link SessionReadsForApi}) and the
 * web UI (form sign-in, then the second factor of those who have one, see
 * {@link TwoFactorSignIn}, or a passkey, see {@link PasskeyWeb}; session in the database,
 * CSRF). All password checks go through the throttled provider. The customer portal's
 * pages ({@code /portal/**}) are open to anyone: they check the portal's own visitor, a
 * session attribute that is never an authentication here, so a portal visitor is
 * anonymous to every other page and the API.
 */
@Configuration
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
class SecurityConfig {

	private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
			+ " img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src 'none'";

	/**
	 * Where the web chain keeps a sign-in (Spring Security's default, named here so that
	 * the second sign-in step saves to the same place).
	 */
	private static final SecurityContextRepository WEB_CONTEXTS = new DelegatingSecurityContextRepository(
			new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

	@Bean
	UserDetailsService userDetailsService(AccountService accounts) {
		return email -> accounts.loadForSignIn(email).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
	}

	@Bean
	AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder passwords, SecurityLog log,
			RateLimiter limiter, SsoPasswordGate passwordGate,
			@Value("${priora.security.max-failures-per-account}") int perAccount,
			@Value("${priora.security.max-failures-per-address}") int perAddress,
			@Value("${priora.security.lockout-minutes}") int lockoutMinutes) {
		DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
		dao.setPasswordEncoder(passwords);
		dao.setPreAuthenticationChecks(passwordGate);
		return new ProviderManager(new ThrottledAuthenticationProvider(dao, log, limiter, perAccount, perAddress,
				Duration.ofMinutes(lockoutMinutes)));
	}

	@Bean
	ProblemAuthenticationEntryPoint problemEntryPoint() {
		return new ProblemAuthenticationEntryPoint();
	}

	@Bean
	@Order(1)
	SecurityFilterChain tokenIssuing(HttpSecurity http, ApiTokens tokens, ProblemAuthenticationEntryPoint problems,
			AuthenticationManager manager) throws Exception {
		http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/tokens"));
		apiDefaults(http, tokens, problems, manager);
		http.httpBasic(basic -> basic.authenticationEntryPoint(problems));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, ProblemAuthenticationEntryPoint problems,
			AuthenticationManager manager) throws Exception {
		http.securityMatcher("/api/**");
		apiDefaults(http, tokens, problems, manager);
		return http.build();
	}

	private static void apiDefaults(HttpSecurity http, ApiTokens tokens, ProblemAuthenticationEntryPoint problems,
			AuthenticationManager manager) throws Exception {
		http.csrf(csrf -> csrf.disable())
			.authenticationManager(manager)
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(c -> c.securityContextRepository(new SessionReadsForApi()))
			.requestCache(cache -> cache.disable())
			.authorizeHttpRequests(a -> a.requestMatchers("/api/v1/users/**", "/api/v1/audit/**", "/api/v1/admin/**")
				.hasRole("ADMIN")
				.anyRequest()
				.authenticated())
			.exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.headers(h -> h
				.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
			.addFilterBefore(new BearerTokenFilter(tokens, problems), BasicAuthenticationFilter.class);
	}

	@Bean
	TwoFactorSignIn twoFactorSignIn(TwoFactor twoFactor, AccountService accounts, Clock clock) {
		return new TwoFactorSignIn(twoFactor, accounts, WEB_CONTEXTS, clock);
	}

	@Bean
	@Order(3)
	SecurityFilterChain web(HttpSecurity http, AuthenticationManager manager, TwoFactorSignIn twoFactor,
			SsoWebSignIn sso, PasskeyWeb passkeys) throws Exception {
		http.authenticationManager(manager)
			.securityContext(c -> c.securityContextRepository(WEB_CONTEXTS))
			.authorizeHttpRequests(a -> a
				.requestMatchers("/login", "/login/two-factor", "/login/two-factor/enrol", "/login/sso/**",
						"/forgot-password", "/invite/**", "/reset/**", "/f/**", "/r/**", "/unsubscribe/*", "/portal/**",
						"/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/favicon.svg", "/error",
						"/actuator/health/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
				.permitAll()
				.requestMatchers("/admin/**")
				.hasRole("ADMIN")
				.anyRequest()
				.authenticated())
			// RFC 8058: a mail client posts the one-click unsubscribe bare (no cookie, no
			// CSRF token); the token in the path is the credential, and it only stops
			// mail
			.csrf(csrf -> csrf.ignoringRequestMatchers(
					PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/unsubscribe/{token}"),
					PathPatternRequestMatcher.withDefaults()
						.matcher(HttpMethod.POST, "/portal/{portal}/unsubscribe/{token}")))
			.formLogin(form -> form.loginPage("/login")
				.successHandler(twoFactor)
				.failureHandler(new PasswordSignInFailure())
				.permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"))
			.sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
			.headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
				.referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
		sso.configure(http, WEB_CONTEXTS);
		passkeys.configure(http);
		return http.build();
	}

}
