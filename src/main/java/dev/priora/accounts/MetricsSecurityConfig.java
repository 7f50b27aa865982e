package dev.priora.accounts;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Who reads the metrics ({@code /actuator/prometheus}, {@code /actuator/metrics/**}):
 * administrators only — a scraper with an administrator's personal API token
 * ({@code Authorization: Bearer pri_…}, best a read-only one), or an administrator's
 * signed-in browser session for a look. Anyone else gets 401 or 403 as problem+json.
 * Metrics name routes, job kinds and queue sizes, which are nobody else's business;
 * health ({@code /actuator/health/**}) stays public for load balancers and probes.
 */
@Configuration
@ConditionalOnWebApplication
class MetricsSecurityConfig {

	@Bean
	@Order(0)
	SecurityFilterChain metrics(HttpSecurity http, ApiTokens tokens, ProblemAuthenticationEntryPoint problems)
			throws Exception {
		http.securityMatcher("/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(c -> c.securityContextRepository(new SessionReadsForApi()))
			.requestCache(cache -> cache.disable())
			.authorizeHttpRequests(a -> a.anyRequest().hasRole("ADMIN"))
			.exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.headers(h -> h
				.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")))
			.addFilterBefore(new BearerTokenFilter(tokens, problems), BasicAuthenticationFilter.class);
		return http.build();
	}

}
