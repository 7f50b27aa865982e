package dev.priora.operations;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The counts behind the database gauges: unfinished jobs, the outboxes' waiting and
 * failed rows with the oldest waiting one, and failed sign-ins in the audit log. Each is
 * one aggregate over an index.
 */
@Repository
class OperationsRepository {

	/**
	 * One outbox: rows waiting to be sent, rows given up, the oldest waiting row's time.
	 */
	record Outbox(long pending, long failed, Instant oldestPending) {
	}

	private final JdbcClient jdbc;

	OperationsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Jobs queued or running, by state. */
	Map<String, Long> unfinishedJobs() {
		Map<String, Long> m = new HashMap<>();
		jdbc.sql("select state, count(*) from jobs where state in ('QUEUED', 'RUNNING') group by state")
			.query((rs, n) -> m.put(rs.getString(1), rs.getLong(2)))
			.list();
		return m;
	}

	Outbox mail() {
		return outbox("mail_outbox", "'QUEUED', 'SENDING'");
	}

	Outbox webhooks() {
		return outbox("webhook_deliveries", "'PENDING'");
	}

	private Outbox outbox(String table, String pendingStates) {
		return jdbc
			.sql("select (select count(*) from " + table + " where state in (" + pendingStates + ")),"
					+ " (select count(*) from " + table + " where state = 'FAILED')," + " (select min(created_at) from "
					+ table + " where state in (" + pendingStates + "))")
			.query((rs, n) -> new Outbox(rs.getLong(1), rs.getLong(2), instant(rs.getTimestamp(3))))
			.single();
	}

	/** Failed and throttled sign-ins ever recorded (the audit log), by event type. */
	Map<String, Long> signInFailures() {
		Map<String, Long> m = new HashMap<>();
		jdbc.sql("select event_type, count(*) from security_events"
				+ " where event_type in ('SIGN_IN_FAILED', 'SIGN_IN_THROTTLED') group by event_type")
			.query((rs, n) -> m.put(rs.getString(1), rs.getLong(2)))
			.list();
		return m;
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

}
