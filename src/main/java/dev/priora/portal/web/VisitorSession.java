package dev.priora.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import dev.priora.portal.PortalVisitor;

/**
 * The portal visitor signed in on this session: a session attribute of its own, never a
 * Spring Security authentication, so a visitor is anonymous to every team page and API.
 * One portal at a time; signing in changes the session's id.
 */
final class VisitorSession {

	static final String ATTRIBUTE = "dev.priora.portal.visitor";

	private VisitorSession() {
	}

	/** The visitor signed in to this portal, or null. */
	static PortalVisitor of(HttpServletRequest request, String portalKey) {
		HttpSession session = request.getSession(false);
		Object v = session == null ? null : session.getAttribute(ATTRIBUTE);
		return v instanceof PortalVisitor visitor && visitor.productKey().equalsIgnoreCase(portalKey) ? visitor : null;
	}

	static void signIn(HttpServletRequest request, PortalVisitor visitor) {
		request.getSession(true);
		request.changeSessionId();
		request.getSession().setAttribute(ATTRIBUTE, visitor);
	}

	static void signOut(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.removeAttribute(ATTRIBUTE);
		}
	}

}
