package dev.priora.accounts;

import java.io.IOException;
import java.io.Serializable;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Single sign-on for a customer portal's visitors, on the same OpenID Connect client as
 * the team's ({@link SsoWebSignIn}), but never a sign-in to Priora. The portal sends the
 * browser to {@link #start}, which marks the authorization request (kept in the session
 * and bound to its {@code state}) with the portal. At the callback the ID token is
 * checked as for the team and the verified e-mail taken ({@code email_verified}); no user
 * is looked up or created, the browser's team sign-in (if it has one) stays as it was,
 * and the outcome waits in the session until the portal {@link #take}s it once and
 * decides (is the provider allowed there, does a private portal admit the address),
 * auditing its decision through {@link #admitted} or {@link #refused}.
 */
@Component
public class SsoVisitorSignIn {

	/** What the provider vouched for, or why the sign-in failed, for one portal. */
	public record Outcome(String portalKey, String registrationId, String provider, String email,
			String refusal) implements Serializable {

		/**
		 * Whether the provider vouched for {@link #email} (else {@link #refusal} says
		 * why).
		 */
		public boolean verified() {
			return refusal == null && email != null;
		}

	}

	/** The query parameter of the start, and the marks it leaves. */
	static final String PARAMETER = "portal";

	private static final String MARK = SsoVisitorSignIn.class.getName() + ".PORTAL";

	private static final String PREVIOUS = SsoVisitorSignIn.class.getName() + ".PREVIOUS";

	private static final String OUTCOME = SsoVisitorSignIn.class.getName() + ".OUTCOME";

	private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9]{1,9}");

	private final SecurityLog log;

	private final AuthorizationRequestRepository<OAuth2AuthorizationRequest> requests = new Marking();

	SsoVisitorSignIn(SecurityLog log) {
		this.log = log;
	}

	/** Where the browser starts a single sign-on with this provider for this portal. */
	public String start(String registrationId, String portalKey) {
		return "/oauth2/authorization/" + registrationId + "?" + PARAMETER + "=" + portalKey.toUpperCase(Locale.ROOT);
	}

	/**
	 * The outcome of the single sign-on this browser came back from for this portal,
	 * taken once; empty when there is none.
	 */
	public Optional<Outcome> take(HttpServletRequest request, String portalKey) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(OUTCOME) instanceof Outcome outcome)
				|| !outcome.portalKey().equalsIgnoreCase(portalKey)) {
			return Optional.empty();
		}
		session.removeAttribute(OUTCOME);
		return Optional.of(outcome);
	}

	/** Audits a visitor the portal let in after the provider. */
	public void admitted(Outcome outcome) {
		log.record(SecurityEventType.SSO_SIGN_IN, null, outcome.email(),
				"to the portal " + outcome.portalKey() + " with " + outcome.provider());
	}

	/** Audits a visitor the portal refused after the provider, with the reason. */
	public void refused(Outcome outcome, String reason) {
		log.record(SecurityEventType.SSO_REFUSED, null, outcome.email(),
				"portal " + outcome.portalKey() + ": " + reason);
	}

	/** Keeps authorization requests in the session, marked with a portal's key. */
	AuthorizationRequestRepository<OAuth2AuthorizationRequest> requests() {
		return requests;
	}

	/** The portal the callback being handled belongs to, or null for the team's. */
	static String portalOf(HttpServletRequest request) {
		return request.getAttribute(MARK) instanceof String key ? key : null;
	}

	/** Notes the browser's team sign-in before the callback replaces it. */
	static void notePrevious(HttpServletRequest request) {
		request.setAttribute(PREVIOUS, SecurityContextHolder.getContext().getAuthentication());
	}

	/**
	 * After the provider vouched for {@code email}: the team sign-in is put back as it
	 * was and the portal's page takes the outcome.
	 */
	void verified(HttpServletRequest request, HttpServletResponse response, SecurityContextRepository contexts,
			Outcome outcome) throws IOException {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		if (request.getAttribute(PREVIOUS) instanceof Authentication previous) {
			context.setAuthentication(previous);
		}
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
		finish(request, response, outcome);
	}

	/** After a failed or refused sign-in: the portal's page tells why. */
	void failed(HttpServletRequest request, HttpServletResponse response, String registrationId, String reason)
			throws IOException {
		String portal = portalOf(request);
		finish(request, response, new Outcome(portal, registrationId, null, null, reason));
	}

	private static void finish(HttpServletRequest request, HttpServletResponse response, Outcome outcome)
			throws IOException {
		request.getSession().setAttribute(OUTCOME, outcome);
		response.sendRedirect(request.getContextPath() + "/portal/" + outcome.portalKey() + "/sign-in/sso");
	}

	/**
	 * Spring Security's session repository of authorization requests, which marks a
	 * request started with {@code ?portal=<key>} and, when the callback takes the request
	 * back, marks the callback.
	 */
	private static final class Marking implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {

		private final HttpSessionOAuth2AuthorizationRequestRepository session = new HttpSessionOAuth2AuthorizationRequestRepository();

		@Override
		public OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
			return session.loadAuthorizationRequest(request);
		}

		@Override
		public void saveAuthorizationRequest(OAuth2AuthorizationRequest authorization, HttpServletRequest request,
				HttpServletResponse response) {
			String portal = request.getParameter(PARAMETER);
			OAuth2AuthorizationRequest marked = authorization;
			if (authorization != null && portal != null && KEY.matcher(portal).matches()) {
				marked = OAuth2AuthorizationRequest.from(authorization)
					.attributes(a -> a.put(MARK, portal.toUpperCase(Locale.ROOT)))
					.build();
			}
			session.saveAuthorizationRequest(marked, request, response);
		}

		@Override
		public OAuth2AuthorizationRequest removeAuthorizationRequest(HttpServletRequest request,
				HttpServletResponse response) {
			OAuth2AuthorizationRequest removed = session.removeAuthorizationRequest(request, response);
			if (removed != null && removed.getAttribute(MARK) instanceof String portal) {
				request.setAttribute(MARK, portal);
			}
			return removed;
		}

	}

}
