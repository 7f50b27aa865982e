package dev.priora.accounts;

import java.time.Clock;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The security audit log: records events with the client address, lists them for the
 * admin.
 */
@Service
public class SecurityLog {

	private final SecurityEventRepository events;

	private final Clock clock;

	SecurityLog(SecurityEventRepository events, Clock clock) {
		this.events = events;
		this.clock = clock;
	}

	/** Records an event; the client address is taken from the current request, if any. */
	public void record(SecurityEventType type, UserId actor, String subject, String detail) {
		events.insert(clock.instant(), type, actor == null ? null : actor.value(), clip(subject, 320),
				clip(clientIp(), 64), clip(detail, 1000));
	}

	/** The newest events first, at most {@code limit}. */
	public List<SecurityEvent> recent(int limit) {
		return events.recent(limit);
	}

	/**
	 * The client address of the current request: the connection's, or the one a trusted
	 * proxy forwarded ({@code priora.trusted-proxies}); null outside a request.
	 */
	static String clientIp() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

	private static String clip(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}

}
