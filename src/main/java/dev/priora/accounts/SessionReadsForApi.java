package dev.priora.accounts;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Lets a signed-in browser session read the API: for GET and HEAD the session's sign-in
 * is loaded (so CSV and export links work from the pages), for every other method it is
 * not, so an API write still needs a bearer token and a session cookie alone (a forged
 * cross-site request) changes nothing. The API never creates or saves a session.
 */
final class SessionReadsForApi implements SecurityContextRepository {

	private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

	@Override
	public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
		if (safe(request)) {
			return sessions.loadDeferredContext(request);
		}
		return new Empty();
	}

	@Override
	@Deprecated
	public SecurityContext loadContext(HttpRequestResponseHolder holder) {
		return safe(holder.getRequest()) ? sessions.loadContext(holder) : SecurityContextHolder.createEmptyContext();
	}

	@Override
	public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
		// stateless: the API never writes a session
	}

	@Override
	public boolean containsContext(HttpServletRequest request) {
		return safe(request) && sessions.containsContext(request);
	}

	static boolean safe(HttpServletRequest request) {
		return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
	}

	private static final class Empty implements DeferredSecurityContext {

		private final Supplier<SecurityContext> empty = SecurityContextHolder::createEmptyContext;

		@Override
		public SecurityContext get() {
			return empty.get();
		}

		@Override
		public boolean isGenerated() {
			return true;
		}

	}

}
