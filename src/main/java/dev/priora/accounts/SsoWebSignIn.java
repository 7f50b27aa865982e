package dev.priora.accounts;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2LoginAuthenticationFilter;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * OpenID Connect sign-in in the web chain ({@link #configure}): the browser goes to the
 * provider from {@code /oauth2/authorization/<id>} and comes back to
 * {@code /login/oauth2/code/<id>}, where {@link SsoAccounts} finds the user. The session
 * then holds the same principal as after a password ({@link SignedInUser}), in a new
 * session id; no second-factor step follows (the provider is the second factor). The
 * callback is throttled per client address like the password form; every sign-in and
 * refusal is audited, and a refusal shows {@code /login/sso/refused} with its reason. The
 * provider's tokens are not kept: Priora only needs to know who signed in.
 */
@Component
public class SsoWebSignIn {

	/**
	 * The session attribute with the reason of the last refusal, for the refusal page.
	 */
	public static final String REFUSAL = SsoWebSignIn.class.getName() + ".REFUSAL";

	/**
	 * Session attribute: true when the provider's sign-in worked and Priora refused the
	 * person (a {@link SsoRefused}), false when the sign-on itself did not complete.
	 */
	public static final String REFUSED_BY_PRIORA = SsoWebSignIn.class.getName() + ".REFUSED_BY_PRIORA";

	private static final String PERMIT = SsoWebSignIn.class.getName() + ".PERMIT";

	private final SsoClientRegistrations registrations;

	private final SsoAccounts accounts;

	private final SecurityLog log;

	private final RateLimiter limiter;

	private final RateLimiter.Limit perAddress;

	private final SsoVisitorSignIn visitors;

	private final OidcUserService oidc = new OidcUserService();

	SsoWebSignIn(SsoClientRegistrations registrations, SsoAccounts accounts, SecurityLog log, RateLimiter limiter,
			SsoVisitorSignIn visitors, @Value("${priora.security.max-failures-per-address}") int maxPerAddress,
			@Value("${priora.security.lockout-minutes}") int lockoutMinutes) {
		this.registrations = registrations;
		this.visitors = visitors;
		this.accounts = accounts;
		this.log = log;
		this.limiter = limiter;
		this.perAddress = new RateLimiter.Limit("sso-callback-address", maxPerAddress,
				Duration.ofMinutes(lockoutMinutes).multipliedBy(3));
	}

	/**
	 * Adds OpenID Connect sign-in to the web chain, keeping sign-ins in {@code contexts}.
	 */
	public void configure(HttpSecurity http, SecurityContextRepository contexts) throws Exception {
		SavedRequestAwareAuthenticationSuccessHandler then = new SavedRequestAwareAuthenticationSuccessHandler();
		then.setDefaultTargetUrl("/");
		// The web chain has its own authentication manager (passwords), which knows no
		// OpenID provider: the callback's filter gets one of its own, else every callback
		// fails with "No AuthenticationProvider found".
		ProviderManager callback = new ProviderManager(new OidcAuthorizationCodeAuthenticationProvider(
				new RestClientAuthorizationCodeTokenResponseClient(), this::loadUser));
		http.oauth2Login(o -> o.loginPage("/login")
			.withObjectPostProcessor(new ObjectPostProcessor<OAuth2LoginAuthenticationFilter>() {
				@Override
				public <O extends OAuth2LoginAuthenticationFilter> O postProcess(O filter) {
					filter.setAuthenticationManager(callback);
					return filter;
				}
			})
			.clientRegistrationRepository(registrations)
			.authorizationEndpoint(a -> a.authorizationRequestRepository(visitors.requests()))
			.authorizedClientRepository(new SsoNothingKept())
			.userInfoEndpoint(u -> u.oidcUserService(this::loadUser))
			.successHandler(
					(request, response, authentication) -> signedIn(request, response, authentication, contexts, then))
			.failureHandler((request, response, e) -> refused(request, response, e, contexts)))
			.addFilterBefore(new CallbackThrottle(), OAuth2LoginAuthenticationFilter.class)
			.addFilterBefore(new UnknownProvider(), OAuth2AuthorizationRequestRedirectFilter.class);
	}

	/** The principal between the provider's answer and the success handler. */
	static final class SsoUser extends DefaultOidcUser {

		private static final long serialVersionUID = 1L;

		private final long userId;

		private final String provider;

		SsoUser(OidcUser oidc, SignedInUser user, String provider) {
			super(user.getAuthorities(), oidc.getIdToken(), oidc.getUserInfo());
			this.userId = user.id().value();
			this.provider = provider;
		}

	}

	/** The principal of a portal visitor's callback: no Priora user behind it. */
	static final class VisitorUser extends DefaultOidcUser {

		private static final long serialVersionUID = 1L;

		private final String email;

		private final String provider;

		VisitorUser(OidcUser oidc, String email, String provider) {
			super(oidc.getAuthorities(), oidc.getIdToken(), oidc.getUserInfo());
			this.email = email;
			this.provider = provider;
		}

	}

	private OidcUser loadUser(OidcUserRequest request) {
		OidcUser user = oidc.loadUser(request);
		String provider = request.getClientRegistration().getClientName();
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes current
				&& SsoVisitorSignIn.portalOf(current.getRequest()) != null) {
			return new VisitorUser(user, SsoAccounts.verifiedEmail(provider, user.getClaims()), provider);
		}
		return new SsoUser(user, accounts.signIn(provider, user.getClaims()), provider);
	}

	private void signedIn(HttpServletRequest request, HttpServletResponse response, Authentication authentication,
			SecurityContextRepository contexts, SavedRequestAwareAuthenticationSuccessHandler then)
			throws IOException, ServletException {
		if (request.getAttribute(PERMIT) instanceof RateLimiter.Permit permit) {
			limiter.release(permit);
		}
		String portal = SsoVisitorSignIn.portalOf(request);
		if (portal != null && authentication.getPrincipal() instanceof VisitorUser visitor) {
			String registrationId = ((OAuth2AuthenticationToken) authentication).getAuthorizedClientRegistrationId();
			visitors.verified(request, response, contexts,
					new SsoVisitorSignIn.Outcome(portal, registrationId, visitor.provider, visitor.email, null));
			return;
		}
		SsoUser sso = (SsoUser) authentication.getPrincipal();
		SignedInUser user = accounts.reload(new UserId(sso.userId));
		Authentication signedIn = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(signedIn);
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
		log.record(SecurityEventType.SSO_SIGN_IN, user.id(), user.email(), "with " + sso.provider);
		then.onAuthenticationSuccess(request, response, signedIn);
	}

	private void refused(HttpServletRequest request, HttpServletResponse response, AuthenticationException e,
			SecurityContextRepository contexts) throws IOException {
		String reason;
		String portal = SsoVisitorSignIn.portalOf(request);
		String where = portal == null ? "" : "portal " + portal + ": ";
		// the filter cleared the thread's context before this handler: ask the session
		Authentication current = contexts.loadDeferredContext(request).get().getAuthentication();
		if (portal == null && SsoReturns.stale(e) && current != null
				&& current.getPrincipal() instanceof SignedInUser) {
			// the provider's answer came back again after it signed the person in (the
			// page reloaded): they are signed in, nothing to report
			response.sendRedirect(request.getContextPath() + "/");
			return;
		}
		if (e instanceof SsoRefused refusal) {
			reason = refusal.getMessage();
			log.record(SecurityEventType.SSO_REFUSED, null, refusal.email(), where + reason);
		}
		else {
			reason = SsoReturns.incomplete(e);
			log.record(SecurityEventType.SIGN_IN_FAILED, null, "single sign-on", where + e.getMessage());
		}
		if (portal != null) {
			visitors.failed(request, response, registrationIdOf(request), reason);
			return;
		}
		request.getSession().setAttribute(REFUSAL, reason);
		request.getSession().setAttribute(REFUSED_BY_PRIORA, e instanceof SsoRefused);
		response.sendRedirect(request.getContextPath() + "/login/sso/refused");
	}

	private static String registrationIdOf(HttpServletRequest request) {
		String path = request.getRequestURI();
		return path.substring(path.lastIndexOf('/') + 1);
	}

	/** Counts every callback against the client address; a success gives its use back. */
	private final class CallbackThrottle extends OncePerRequestFilter {

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			return !request.getRequestURI().startsWith(request.getContextPath() + "/login/oauth2/code/");
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			Optional<RateLimiter.Permit> permit = limiter.tryAcquire(perAddress, request.getRemoteAddr());
			if (permit.isEmpty()) {
				log.record(SecurityEventType.SIGN_IN_THROTTLED, null, "single sign-on", null);
				request.getSession()
					.setAttribute(REFUSAL,
							"There were too many single sign-on attempts from your address; try again in a few minutes.");
				response.sendRedirect(request.getContextPath() + "/login/sso/refused");
				return;
			}
			request.setAttribute(PERMIT, permit.get());
			SsoVisitorSignIn.notePrevious(request);
			chain.doFilter(request, response);
		}

	}

	/**
	 * {@code /oauth2/authorization/<id>} for a provider that does not exist is a 404, and
	 * for one whose discovery document cannot be read a return to the sign-in page with a
	 * message, instead of the client's 500.
	 */
	private final class UnknownProvider extends OncePerRequestFilter {

		private static final String START = "/oauth2/authorization/";

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			return !request.getRequestURI().startsWith(request.getContextPath() + START);
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String id = request.getRequestURI().substring(request.getContextPath().length() + START.length());
			if (registrations.nameOf(id).isEmpty()) {
				response.sendError(HttpServletResponse.SC_NOT_FOUND);
				return;
			}
			if (registrations.available(id).isEmpty()) {
				response.sendRedirect(request.getContextPath() + "/login?sso-unavailable");
				return;
			}
			chain.doFilter(request, response);
		}

	}

}
