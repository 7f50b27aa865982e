package dev.priora.accounts;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The security audit log: records events with the client address, lists them for the
 * admin.
 */
@Service
public class SecurityLog {

	private final JdbcClient jdbc;

	private final Clock clock;

	SecurityLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Records an event; the client address is taken from the current request, if any. */
	public void record(SecurityEventType type, UserId actor, String subject, String detail) {
		jdbc.sql("""
				insert into security_events (occurred_at, event_type, actor_id, subject, client_ip, detail)
				values (?, ?, ?, ?, ?, ?)""")
			.params(clock.instant().atOffset(ZoneOffset.UTC), type.name(), actor == null ? null : actor.value(),
					clip(subject, 320), clip(clientIp(), 64), clip(detail, 1000))
			.update();
	}

	/** The newest events first, at most {@code limit}. */
	public List<SecurityEvent> recent(int limit) {
		return jdbc.sql("""
				select e.id, e.occurred_at, e.event_type, u.email, e.subject, e.client_ip, e.detail
				from security_events e left join users u on u.id = e.actor_id order by e.id desc limit ?""")
			.param(limit)
			.query((rs, n) -> new SecurityEvent(rs.getLong(1), rs.getTimestamp(2).toInstant(),
					SecurityEventType.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6),
					rs.getString(7)))
			.list();
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
