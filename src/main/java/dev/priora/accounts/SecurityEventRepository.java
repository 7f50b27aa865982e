package dev.priora.accounts;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The security audit log's rows ({@code security_events}). */
@Repository
class SecurityEventRepository {

	private final JdbcClient jdbc;

	SecurityEventRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Instant at, SecurityEventType type, Long actorId, String subject, String clientIp, String detail) {
		jdbc.sql("""
				insert into security_events (occurred_at, event_type, actor_id, subject, client_ip, detail)
				values (?, ?, ?, ?, ?, ?)""")
			.params(at.atOffset(ZoneOffset.UTC), type.name(), actorId, subject, clientIp, detail)
			.update();
	}

	/** The newest events first, at most {@code limit}. */
	List<SecurityEvent> recent(int limit) {
		return jdbc.sql("""
				select e.id, e.occurred_at, e.event_type, u.email, e.subject, e.client_ip, e.detail
				from security_events e left join users u on u.id = e.actor_id order by e.id desc limit ?""")
			.param(limit)
			.query((rs, n) -> new SecurityEvent(rs.getLong(1), rs.getTimestamp(2).toInstant(),
					SecurityEventType.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6),
					rs.getString(7)))
			.list();
	}

}
