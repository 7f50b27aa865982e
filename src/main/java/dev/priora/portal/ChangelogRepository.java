package dev.priora.portal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A product's published release notes, newest first (reads {@code release_notes} and
 * {@code releases} of the roadmap and planning, read-only).
 */
@Repository
class ChangelogRepository {

	private final JdbcClient jdbc;

	ChangelogRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<ChangelogEntry> entries(String productKey, int limit) {
		return jdbc
			.sql("""
					select r.id, r.name, n.markdown, n.published_at from release_notes n join releases r on r.id = n.release_id
					where r.product_key = ? order by n.published_at desc, r.id desc"""
					+ " limit " + limit)
			.param(productKey)
			.query((rs, n) -> new ChangelogEntry(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant()))
			.list();
	}

	Optional<ChangelogEntry> entry(String productKey, long releaseId) {
		return jdbc
			.sql("""
					select r.id, r.name, n.markdown, n.published_at from release_notes n join releases r on r.id = n.release_id
					where r.product_key = ? and r.id = ?""")
			.params(productKey, releaseId)
			.query((rs, n) -> new ChangelogEntry(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant()))
			.optional();
	}

	/** When the newest notes were published, for the feeds' date. */
	Optional<Instant> latest(String productKey) {
		return entries(productKey, 1).stream().map(ChangelogEntry::publishedAt).findFirst();
	}

}
