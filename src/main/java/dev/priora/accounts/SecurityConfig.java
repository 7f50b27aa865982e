package dev.priora.accounts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Three filter chains: token creation (HTTP Basic), the rest of the API (bearer tokens,
 * stateless) and the web UI (form sign-in, session, CSRF).
 */
@Configuration
class SecurityConfig {

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	UserDetailsService userDetailsService(AccountService accounts) {
		return email -> accounts.loadForSignIn(email).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
	}

	@Bean
	ProblemAuthenticationEntryPoint problemEntryPoint() {
		return new ProblemAuthenticationEntryPoint();
	}

	@Bean
	@Order(1)
	SecurityFilterChain tokenIssuing(HttpSecurity http, AccountService accounts,
			ProblemAuthenticationEntryPoint problems) throws Exception {
		http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/tokens"));
		apiDefaults(http, accounts, problems);
		http.httpBasic(basic -> basic.authenticationEntryPoint(problems));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain api(HttpSecurity http, AccountService accounts, ProblemAuthenticationEntryPoint problems)
			throws Exception {
		http.securityMatcher("/api/**");
		apiDefaults(http, accounts, problems);
		return http.build();
	}

	private static void apiDefaults(HttpSecurity http, AccountService accounts,
			ProblemAuthenticationEntryPoint problems) throws Exception {
		http.csrf(csrf -> csrf.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.authorizeHttpRequests(a -> a.anyRequest().authenticated())
			.exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.addFilterBefore(new BearerTokenFilter(accounts, problems), BasicAuthenticationFilter.class);
	}

	@Bean
	@Order(3)
	SecurityFilterChain web(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests(a -> a
			.requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error",
					"/actuator/health/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
			.permitAll()
			.anyRequest()
			.authenticated())
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"))
			.headers(h -> h
				.contentSecurityPolicy(csp -> csp.policyDirectives(
						"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
								+ " frame-ancestors 'none'; form-action 'self'; base-uri 'self'"))
				.referrerPolicy(r -> r.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
		return http.build();
	}

}
