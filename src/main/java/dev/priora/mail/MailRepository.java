package dev.priora.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The mail outbox ({@code mail_outbox}): queued, claimed, sent and failed mails. */
@Repository
class MailRepository {

	/** A mail as the dispatcher sends it. */
	record Row(long id, String messageId, String to, String subject, String text, String html, String unsubscribe,
			int attempts, String replyTo) {
	}

	static final String SCRUBBED = "(removed after delivery: this mail held a one-time link)";

	private static final String LOG_COLUMNS = """
			id, recipient, subject, kind, state, attempts, created_at, next_attempt_at, sent_at, last_error, message_id""";

	private final JdbcClient jdbc;

	MailRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(OutgoingMail m, String messageId, Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into mail_outbox (message_id, kind, recipient, user_id, subject, body_text, body_html,
				unsubscribe_url, secret, reply_to, state, attempts, next_attempt_at, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', 0, ?, ?)""")
			.params(messageId, m.kind(), m.to(), m.user() == null ? null : m.user().value(), m.subject(),
					m.body().text(), m.body().html(), m.unsubscribe() == null ? null : m.unsubscribe().toString(),
					m.secret(), m.replyTo(), utc(now), utc(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/**
	 * Mails due at {@code now}, oldest first: queued ones whose time has come, and
	 * claimed ones whose lease ran out (their node died mid-send).
	 */
	List<Row> due(Instant now, int limit) {
		return jdbc
			.sql("""
					select id, message_id, recipient, subject, body_text, body_html, unsubscribe_url, attempts, reply_to
					from mail_outbox where (state = 'QUEUED' and next_attempt_at <= ?) or (state = 'SENDING' and lease_until <= ?)
					order by id limit ?""")
			.params(utc(now), utc(now), limit)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getString(6), rs.getString(7), rs.getInt(8), rs.getString(9)))
			.list();
	}

	/**
	 * Takes a due mail for this node until {@code lease} and counts the attempt; false
	 * when another node took it first or it is no longer due. The lease is the claim's
	 * token: only the holder records the outcome.
	 */
	boolean claim(long id, Instant now, Instant lease) {
		return jdbc
			.sql("""
					update mail_outbox set state = 'SENDING', attempts = attempts + 1, lease_until = ?
					where id = ? and ((state = 'QUEUED' and next_attempt_at <= ?) or (state = 'SENDING' and lease_until <= ?))""")
			.params(utc(lease), id, utc(now), utc(now))
			.update() == 1;
	}

	/** Records a sent mail (scrubbing a secret body); false when the claim was lost. */
	boolean sent(long id, Instant lease, Instant now) {
		return jdbc.sql("""
				update mail_outbox set state = 'SENT', sent_at = ?, lease_until = null, last_error = null,
				body_text = case when secret then ? else body_text end,
				body_html = case when secret then ? else body_html end
				where id = ? and state = 'SENDING' and lease_until = ?""")
			.params(utc(now), SCRUBBED, SCRUBBED, id, utc(lease))
			.update() == 1;
	}

	/**
	 * Records a failed attempt: queued again at {@code next}, or FAILED when
	 * {@code giveUp}.
	 */
	boolean failed(long id, Instant lease, String error, Instant next, boolean giveUp) {
		return jdbc.sql("""
				update mail_outbox set state = ?, lease_until = null, last_error = ?, next_attempt_at = ?
				where id = ? and state = 'SENDING' and lease_until = ?""")
			.params(giveUp ? "FAILED" : "QUEUED", error.length() > 1000 ? error.substring(0, 1000) : error, utc(next),
					id, utc(lease))
			.update() == 1;
	}

	/**
	 * Queues a failed mail again with a fresh set of attempts; false when it is not
	 * FAILED.
	 */
	boolean retry(long id, Instant now) {
		return jdbc
			.sql("""
					update mail_outbox set state = 'QUEUED', attempts = 0, next_attempt_at = ? where id = ? and state = 'FAILED'""")
			.params(utc(now), id)
			.update() == 1;
	}

	Optional<LoggedMail> find(long id) {
		return jdbc.sql("select " + LOG_COLUMNS + " from mail_outbox where id = ?")
			.param(id)
			.query(MailRepository::logged)
			.optional();
	}

	/** The latest mails, newest first. */
	List<LoggedMail> recent(int limit) {
		return jdbc.sql("select " + LOG_COLUMNS + " from mail_outbox order by id desc limit ?")
			.param(limit)
			.query(MailRepository::logged)
			.list();
	}

	/** How many mails are in each state. */
	Map<MailState, Long> counts() {
		Map<MailState, Long> counts = new EnumMap<>(MailState.class);
		for (MailState s : MailState.values()) {
			counts.put(s, 0L);
		}
		jdbc.sql("select state, count(*) from mail_outbox group by state")
			.query((rs, n) -> counts.put(MailState.valueOf(rs.getString(1)), rs.getLong(2)))
			.list();
		return counts;
	}

	/** Forgets sent and failed mails created before {@code before}. */
	int prune(Instant before) {
		return jdbc.sql("delete from mail_outbox where state in ('SENT', 'FAILED') and created_at < ?")
			.param(utc(before))
			.update();
	}

	private static LoggedMail logged(ResultSet rs, int n) throws SQLException {
		return new LoggedMail(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
				rs.getString("kind"), MailState.valueOf(rs.getString("state")), rs.getInt("attempts"),
				instant(rs, "created_at"), instant(rs, "next_attempt_at"), instant(rs, "sent_at"),
				rs.getString("last_error"), rs.getString("message_id"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}

	private static OffsetDateTime utc(Instant i) {
		return i.atOffset(ZoneOffset.UTC);
	}

}
