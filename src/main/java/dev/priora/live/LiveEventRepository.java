package dev.priora.live;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The change table {@code live_events}. Times are the database's
 * ({@code current_timestamp}), so every node reads them on one clock.
 */
@Repository
class LiveEventRepository {

	/** Rows read after an id, and the database's time when they were read. */
	record Batch(List<LiveEvent> events, Instant now) {
	}

	private final JdbcClient jdbc;

	LiveEventRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(LiveChange change, String payload) {
		jdbc.sql("""
				insert into live_events (id, product_key, user_id, type, payload, created_at)
				values (nextval('live_events_seq'), ?, ?, ?, ?, current_timestamp)""")
			.params(change.productKey(), change.userId(), change.type(), payload)
			.update();
	}

	/** Up to {@code limit} rows with an id above {@code after}, by id. */
	Batch after(long after, int limit) {
		List<LiveEvent> events = jdbc.sql("""
				select id, product_key, user_id, type, payload, created_at from live_events
				where id > ? order by id fetch first ? rows only""")
			.params(after, limit)
			.query(LiveEventRepository::event)
			.list();
		return new Batch(events, now());
	}

	/**
	 * A connection's missed rows: after {@code after}, newer than {@code since}, for the
	 * product or the person, by id.
	 */
	List<LiveEvent> missed(long after, Instant since, String productKey, long userId, int limit) {
		return jdbc.sql("""
				select id, product_key, user_id, type, payload, created_at from live_events
				where id > ? and created_at >= ?
				  and (user_id = ? or (user_id is null and product_key = ?))
				order by id fetch first ? rows only""")
			.params(after, OffsetDateTime.ofInstant(since, java.time.ZoneOffset.UTC), userId, productKey, limit)
			.query(LiveEventRepository::event)
			.list();
	}

	/** The oldest kept row's id (0 when there is none). */
	long oldestId() {
		return jdbc.sql("select coalesce(min(id), 0) from live_events").query(Long.class).single();
	}

	/** The newest row's id (0 when there is none). */
	long newestId() {
		return jdbc.sql("select coalesce(max(id), 0) from live_events").query(Long.class).single();
	}

	Instant now() {
		return jdbc.sql("select current_timestamp").query(OffsetDateTime.class).single().toInstant();
	}

	/** Forgets rows older than {@code keep}; answers how many. */
	int prune(Duration keep) {
		Instant before = now().minus(keep);
		return jdbc.sql("delete from live_events where created_at < ?")
			.param(OffsetDateTime.ofInstant(before, java.time.ZoneOffset.UTC))
			.update();
	}

	private static LiveEvent event(ResultSet rs, int row) throws SQLException {
		long user = rs.getLong("user_id");
		Long userId = rs.wasNull() ? null : user;
		return new LiveEvent(rs.getLong("id"), rs.getString("product_key"), userId, rs.getString("type"),
				rs.getString("payload"), rs.getObject("created_at", OffsetDateTime.class).toInstant());
	}

}
