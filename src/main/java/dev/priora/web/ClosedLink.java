package dev.priora.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.ui.Model;

/**
 * The page for a shared link that no longer works (a revoked, expired or mistyped public
 * form or read-only roadmap link): 404, said to someone without an account, instead of
 * the error page that offers a sign-in and speaks of roles.
 */
public final class ClosedLink {

	static final String VIEW = "web/link-closed";

	private ClosedLink() {
	}

	/**
	 * Sets 404 and answers the view that says {@code what} ("This feedback form") no
	 * longer works.
	 */
	public static String page(String what, HttpServletResponse response, Model model) {
		response.setStatus(HttpServletResponse.SC_NOT_FOUND);
		model.addAttribute("closedWhat", what);
		return VIEW;
	}

}
