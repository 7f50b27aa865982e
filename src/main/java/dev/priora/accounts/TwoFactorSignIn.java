package dev.priora.accounts;

import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * The second step of a web sign-in. After a right password, a user with a second factor
 * (or who must enrol one) is not signed in: the session only remembers, for five minutes,
 * who gave the password, and the browser goes to {@code /login/two-factor} (or
 * {@code /login/two-factor/enrol}). A right code there signs them in (a new session id,
 * the page they first asked for); until then the session is as anonymous as before.
 */
public final class TwoFactorSignIn implements AuthenticationSuccessHandler {

	/** Who gave the right password, until when, and whether they must enrol first. */
	public record Pending(long userId, String email, Instant until, boolean enrol) implements Serializable {

		public UserId user() {
			return new UserId(userId);
		}

	}

	static final String PENDING = TwoFactorSignIn.class.getName() + ".PENDING";

	private static final Duration TIME_TO_ANSWER = Duration.ofMinutes(5);

	private final TwoFactor twoFactor;

	private final AccountService accounts;

	private final SecurityContextRepository contexts;

	private final Clock clock;

	private final RequestCache requests = new HttpSessionRequestCache();

	private final SavedRequestAwareAuthenticationSuccessHandler plain = new SavedRequestAwareAuthenticationSuccessHandler();

	TwoFactorSignIn(TwoFactor twoFactor, AccountService accounts, SecurityContextRepository contexts, Clock clock) {
		this.twoFactor = twoFactor;
		this.accounts = accounts;
		this.contexts = contexts;
		this.clock = clock;
		plain.setDefaultTargetUrl("/");
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, jakarta.servlet.ServletException {
		SignedInUser user = (SignedInUser) authentication.getPrincipal();
		SignInStep step = twoFactor.stepAfterPassword(user.id());
		if (step == SignInStep.NONE) {
			plain.onAuthenticationSuccess(request, response, authentication);
			return;
		}
		SecurityContext empty = SecurityContextHolder.createEmptyContext();
		SecurityContextHolder.setContext(empty);
		contexts.saveContext(empty, request, response);
		request.getSession()
			.setAttribute(PENDING, new Pending(user.id().value(), user.email(), clock.instant().plus(TIME_TO_ANSWER),
					step == SignInStep.ENROL));
		response.sendRedirect(request.getContextPath()
				+ (step == SignInStep.ENROL ? "/login/two-factor/enrol" : "/login/two-factor"));
	}

	/**
	 * The sign-in waiting for its second step in this session, if any and not too old.
	 */
	public Optional<Pending> pending(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(PENDING) instanceof Pending pending)) {
			return Optional.empty();
		}
		if (pending.until().isBefore(clock.instant())) {
			session.removeAttribute(PENDING);
			return Optional.empty();
		}
		return Optional.of(pending);
	}

	/**
	 * Signs in the user whose second step this was (still active: else empty) in a new
	 * session id, and answers where to go: the page first asked for, or {@code /}.
	 */
	public Optional<String> complete(HttpServletRequest request, HttpServletResponse response, Pending pending) {
		request.getSession().removeAttribute(PENDING);
		Optional<SignedInUser> user = accounts.loadForSignIn(pending.email())
			.filter(u -> u.id().value() == pending.userId() && u.isEnabled());
		if (user.isEmpty()) {
			return Optional.empty();
		}
		request.changeSessionId();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(user.get(), null, user.get().getAuthorities()));
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
		SavedRequest saved = requests.getRequest(request, response);
		requests.removeRequest(request, response);
		return Optional.of(saved == null ? "/" : saved.getRedirectUrl());
	}

}
