package dev.priora.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.HandlerInterceptor;

import ua_parser.Client;
import ua_parser.Parser;

/**
 * Where a user is signed in: every web session of theirs (sessions are in the database,
 * so on every node), with the browser and system it was signed in from, the address, when
 * it was signed in and last used; the user ends any of them but the one asking, or all
 * the others at once. The browser and address are noted on the first request after
 * sign-in (whichever way: password, passkey, single sign-on), as session attributes. A
 * session is named on pages by a digest of its id, never the id itself, which would let a
 * reader take the session over.
 */
@Service
public class SignedInSessions implements HandlerInterceptor {

	static final String DEVICE = "priora.session.device";

	static final String ADDRESS = "priora.session.address";

	static final String SIGNED_IN = "priora.session.signedIn";

	private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;

	private final SecurityLog log;

	private final Clock clock;

	SignedInSessions(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions, SecurityLog log,
			Clock clock) {
		this.sessions = sessions;
		this.log = log;
		this.clock = clock;
	}

	/**
	 * One session: {@code ref} names it on pages, {@code device} in words ("Chrome 131 on
	 * Linux"; null when not known), {@code current} when it is the one asking.
	 */
	public record SessionView(String ref, String device, String address, Instant signedIn, Instant lastActive,
			boolean current) {
	}

	/** Notes the browser and address on a signed-in session's first request. */
	@Override
	public boolean preHandle(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
			Object handler) {
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(DEVICE) == null && signedIn()) {
			// "" when the browser says nothing of itself, so that it is noted once, not
			// on every request
			session.setAttribute(DEVICE, Objects.requireNonNullElse(device(request.getHeader("User-Agent")), ""));
			session.setAttribute(ADDRESS, Objects.requireNonNullElse(request.getRemoteAddr(), ""));
			session.setAttribute(SIGNED_IN, clock.instant().toEpochMilli());
		}
		return true;
	}

	private static boolean signedIn() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof SignedInUser;
	}

	/** The user's sessions, the one asking ({@code currentId}, may be null) first. */
	public List<SessionView> list(SignedInUser user, String currentId) {
		return byRef(user).entrySet()
			.stream()
			.map(e -> view(e.getKey(), e.getValue(), currentId))
			.sorted(Comparator.comparing(SessionView::current)
				.reversed()
				.thenComparing(SessionView::lastActive, Comparator.reverseOrder()))
			.toList();
	}

	/**
	 * Ends the session named {@code ref}; the one asking is refused (signing out does
	 * that), an unknown one is 404. Audited; answers the session ended.
	 */
	public SessionView end(SignedInUser user, String ref, String currentId) {
		Map<String, Session> mine = byRef(user);
		Session session = mine.get(ref == null ? "" : ref);
		if (session == null) {
			throw ProductRoles.problem(HttpStatus.NOT_FOUND, "session",
					"is not one of your sessions (it may have ended already)");
		}
		SessionView ended = view(ref, session, currentId);
		if (ended.current()) {
			throw ProductRoles.problem(HttpStatus.CONFLICT, "session", "is the one you are using: sign out instead");
		}
		sessions.getObject().deleteById(session.getId());
		log.record(SecurityEventType.SESSIONS_ENDED, user.id(), user.email(),
				"signed out of " + (ended.device() == null ? "a session" : ended.device())
						+ (ended.address() == null || ended.address().isEmpty() ? "" : " at " + ended.address()));
		return ended;
	}

	/** Ends every session of the user's but the one asking; audited; answers how many. */
	public int endOthers(SignedInUser user, String currentId) {
		int ended = 0;
		for (Session session : byRef(user).values()) {
			if (!session.getId().equals(currentId)) {
				sessions.getObject().deleteById(session.getId());
				ended++;
			}
		}
		log.record(SecurityEventType.SESSIONS_ENDED, user.id(), user.email(),
				"signed out everywhere else: " + ended + (ended == 1 ? " session" : " sessions") + " ended");
		return ended;
	}

	private Map<String, Session> byRef(SignedInUser user) {
		FindByIndexNameSessionRepository<? extends Session> repository = sessions.getIfAvailable();
		if (repository == null) {
			return Map.of();
		}
		Map<String, Session> mine = new java.util.HashMap<>();
		repository.findByPrincipalName(user.email()).values().forEach(s -> mine.put(ref(s.getId()), s));
		return mine;
	}

	private static SessionView view(String ref, Session s, String currentId) {
		Long signedIn = s.getAttribute(SIGNED_IN);
		String address = s.getAttribute(ADDRESS);
		String device = s.getAttribute(DEVICE);
		return new SessionView(ref, device == null || device.isEmpty() ? null : device,
				address == null || address.isEmpty() ? null : address,
				signedIn == null ? s.getCreationTime() : Instant.ofEpochMilli(signedIn), s.getLastAccessedTime(),
				s.getId().equals(currentId));
	}

	/** A session's name on pages: the start of its id's digest. */
	static String ref(String sessionId) {
		return Secrets.sha256(sessionId).substring(0, 16);
	}

	/**
	 * "Chrome 131 on Linux", "Firefox on Windows 10", or null for no or an unknown
	 * browser.
	 */
	static String device(String userAgent) {
		if (userAgent == null || userAgent.isBlank()) {
			return null;
		}
		Client client = Agents.PARSER.parse(userAgent.length() > 512 ? userAgent.substring(0, 512) : userAgent);
		String browser = "Other".equals(client.userAgent.family) ? null
				: client.userAgent.family + (client.userAgent.major == null ? "" : " " + client.userAgent.major);
		String system = "Other".equals(client.os.family) ? null : client.os.family
				+ (client.os.major == null || "Mac OS X".equals(client.os.family) || "Linux".equals(client.os.family)
						? "" : " " + client.os.major);
		if (browser == null && system == null) {
			return null;
		}
		return browser == null ? "A browser on " + system : system == null ? browser : browser + " on " + system;
	}

	/** The parser, read from its rules once, on first use (not at start-up). */
	private static final class Agents {

		static final Parser PARSER = new Parser();

	}

}
