package dev.priora.accounts;

import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The counters of {@link RateLimiter}: every change is one statement, atomic by itself
 * (the database locks the row), so no two callers can both take the last use.
 */
@Repository
class RateLimitRepository {

	private final JdbcClient jdbc;

	RateLimitRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Adds one use when fewer than {@code allowed} are counted; true when it did. */
	boolean increment(String bucket, String subject, long window, int allowed) {
		return jdbc.sql("""
				update rate_limits set hits = hits + 1
				where bucket = ? and subject = ? and window_start = ? and hits < ?""")
			.params(bucket, subject, window, allowed)
			.update() == 1;
	}

	/**
	 * Starts the window's counter at one use; false when it exists already (another
	 * caller started it first).
	 */
	boolean start(String bucket, String subject, long window, Instant expiresAt) {
		return jdbc.sql("""
				insert into rate_limits (bucket, subject, window_start, hits, expires_at) values (?, ?, ?, 1, ?)
				on conflict do nothing""")
			.params(bucket, subject, window, expiresAt.atOffset(ZoneOffset.UTC))
			.update() == 1;
	}

	/** Gives one use back. */
	void decrement(String bucket, String subject, long window) {
		jdbc.sql("""
				update rate_limits set hits = hits - 1
				where bucket = ? and subject = ? and window_start = ? and hits > 0""")
			.params(bucket, subject, window)
			.update();
	}

	/** The uses counted in a window (0 when it has no row). */
	int hits(String bucket, String subject, long window) {
		return jdbc.sql("select hits from rate_limits where bucket = ? and subject = ? and window_start = ?")
			.params(bucket, subject, window)
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	int purgeBefore(Instant now) {
		return jdbc.sql("delete from rate_limits where expires_at < ?").param(now.atOffset(ZoneOffset.UTC)).update();
	}

}
