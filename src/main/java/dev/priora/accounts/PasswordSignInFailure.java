package dev.priora.accounts;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * A refused password sign-in goes back to the sign-in page with the e-mail address that
 * was typed still in the form (kept in the session, never in the address bar).
 */
public final class PasswordSignInFailure implements AuthenticationFailureHandler {

	private static final String LAST_EMAIL = PasswordSignInFailure.class.getName() + ".email";

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String email = request.getParameter("username");
		if (email != null) {
			request.getSession().setAttribute(LAST_EMAIL, email.substring(0, Math.min(email.length(), 320)));
		}
		response.sendRedirect(request.getContextPath() + "/login?error");
	}

	/** The address of the last refused password sign-in of this session, or null. */
	public static String lastEmail(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return session != null && session.getAttribute(LAST_EMAIL) instanceof String email ? email : null;
	}

}
