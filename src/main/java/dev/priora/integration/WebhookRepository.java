package dev.priora.integration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Webhooks, their delivery log (the outbox), and workspace settings. */
@Repository
class WebhookRepository {

	/** A webhook as stored. */
	record Hook(long id, String productKey, String url, String secret, List<String> events, boolean active,
			Instant createdAt) {

		boolean wants(String event) {
			return active && (events.contains("*") || events.contains(event));
		}

	}

	private final JdbcClient jdbc;

	WebhookRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Hook> hooks(String productKey) {
		return jdbc.sql("select * from webhooks where product_key = ? order by id")
			.param(productKey)
			.query(WebhookRepository::hook)
			.list();
	}

	Optional<Hook> hook(String productKey, long id) {
		return jdbc.sql("select * from webhooks where product_key = ? and id = ?")
			.params(productKey, id)
			.query(WebhookRepository::hook)
			.optional();
	}

	Optional<Hook> hook(long id) {
		return jdbc.sql("select * from webhooks where id = ?").param(id).query(WebhookRepository::hook).optional();
	}

	long insert(String productKey, String url, String secret, String events, long user, Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into webhooks (product_key, url, secret, events, active, created_by, created_at)
				values (?, ?, ?, ?, true, ?, ?)""")
			.params(productKey, url, secret, events, user, utc(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void setActive(long id, boolean active) {
		jdbc.sql("update webhooks set active = ? where id = ?").params(active, id).update();
	}

	void delete(long id) {
		jdbc.sql("delete from webhooks where id = ?").param(id).update();
	}

	long enqueue(long hook, String event, String payload, Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into webhook_deliveries (webhook_id, event, payload, state, next_attempt_at, created_at)
				values (?, ?, ?, 'PENDING', ?, ?)""")
			.params(hook, event, payload, utc(now), utc(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	List<Webhooks.Delivery> deliveries(long hook, int limit) {
		return jdbc.sql("select * from webhook_deliveries where webhook_id = ? order by id desc limit ?")
			.params(hook, limit)
			.query(WebhookRepository::delivery)
			.list();
	}

	Optional<Webhooks.Delivery> delivery(long hook, long id) {
		return jdbc.sql("select * from webhook_deliveries where webhook_id = ? and id = ?")
			.params(hook, id)
			.query(WebhookRepository::delivery)
			.optional();
	}

	/** Deliveries due now, oldest first. */
	List<Webhooks.Delivery> due(Instant now, int limit) {
		return jdbc.sql("""
				select * from webhook_deliveries where state = 'PENDING' and next_attempt_at <= ?
				order by next_attempt_at, id limit ?""")
			.params(utc(now), limit)
			.query(WebhookRepository::delivery)
			.list();
	}

	/**
	 * Takes a due delivery for this node until {@code lease}; false when another node
	 * took it first.
	 */
	boolean claim(Webhooks.Delivery d, Instant lease) {
		return jdbc.sql("""
				update webhook_deliveries set next_attempt_at = ?
				where id = ? and state = 'PENDING' and next_attempt_at = ?""")
			.params(utc(lease), d.id(), utc(d.nextAttemptAt()))
			.update() == 1;
	}

	void delivered(long id, int attempts, int status, Instant now) {
		jdbc.sql("""
				update webhook_deliveries set state = 'DELIVERED', attempts = ?, last_status = ?, last_error = null,
				last_attempt_at = ?, delivered_at = ? where id = ?""")
			.params(attempts, status, utc(now), utc(now), id)
			.update();
	}

	void failed(long id, int attempts, Integer status, String error, Instant now, Instant next, boolean giveUp) {
		jdbc.sql(
				"""
						update webhook_deliveries set state = ?, attempts = ?, last_status = ?, last_error = ?, last_attempt_at = ?,
						next_attempt_at = ? where id = ?""")
			.params(giveUp ? "FAILED" : "PENDING", attempts, status,
					error.length() > 1000 ? error.substring(0, 1000) : error, utc(now), utc(next), id)
			.update();
	}

	void retry(long id, Instant now) {
		jdbc.sql("update webhook_deliveries set state = 'PENDING', next_attempt_at = ? where id = ?")
			.params(utc(now), id)
			.update();
	}

	/**
	 * Forgets finished deliveries older than {@code before}; the log keeps the recent
	 * ones.
	 */
	int prune(Instant before) {
		return jdbc.sql("delete from webhook_deliveries where state <> 'PENDING' and created_at < ?")
			.param(utc(before))
			.update();
	}

	Optional<String> setting(String name) {
		return jdbc.sql("select setting_value from workspace_settings where name = ?")
			.param(name)
			.query(String.class)
			.optional();
	}

	void setting(String name, String value, long user, Instant now) {
		if (jdbc.sql("update workspace_settings set setting_value = ?, updated_by = ?, updated_at = ? where name = ?")
			.params(value, user, utc(now), name)
			.update() == 0) {
			jdbc.sql("insert into workspace_settings (name, setting_value, updated_by, updated_at) values (?, ?, ?, ?)")
				.params(name, value, user, utc(now))
				.update();
		}
	}

	private static Hook hook(ResultSet rs, int n) throws SQLException {
		return new Hook(rs.getLong("id"), rs.getString("product_key"), rs.getString("url"), rs.getString("secret"),
				List.of(rs.getString("events").split(",")), rs.getBoolean("active"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant());
	}

	private static Webhooks.Delivery delivery(ResultSet rs, int n) throws SQLException {
		OffsetDateTime last = rs.getObject("last_attempt_at", OffsetDateTime.class);
		OffsetDateTime delivered = rs.getObject("delivered_at", OffsetDateTime.class);
		return new Webhooks.Delivery(rs.getLong("id"), rs.getLong("webhook_id"), rs.getString("event"),
				rs.getString("payload"), rs.getString("state"), rs.getInt("attempts"),
				rs.getObject("next_attempt_at", OffsetDateTime.class).toInstant(),
				last == null ? null : last.toInstant(), (Integer) rs.getObject("last_status", Integer.class),
				rs.getString("last_error"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				delivered == null ? null : delivered.toInstant());
	}

	private static OffsetDateTime utc(Instant i) {
		return i.atOffset(ZoneOffset.UTC);
	}

}
