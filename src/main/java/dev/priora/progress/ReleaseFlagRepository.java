package dev.priora.progress;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The releases' last computed forecast flags ({@code release_flags}) and the products
 * whose flags are due to be computed again ({@code release_flag_requests}).
 */
@Repository
class ReleaseFlagRepository {

	private final JdbcClient jdbc;

	ReleaseFlagRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Asks for the product's flags to be computed again (an insert: no lock is taken).
	 */
	void request(String productKey, Instant at) {
		jdbc.sql("insert into release_flag_requests (product_key, requested_at) values (?, ?)")
			.params(productKey, Timestamp.from(at))
			.update();
	}

	/**
	 * Products with a release not yet released that has a target date: the ones whose
	 * flags can move as days pass.
	 */
	List<String> targeted() {
		return jdbc.sql("""
				select distinct product_key from releases
				where target_date is not null and status <> 'RELEASED' order by product_key""")
			.query(String.class)
			.list();
	}

	/** The products asked for, each with its latest request. */
	Map<String, Long> requested() {
		Map<String, Long> latest = new LinkedHashMap<>();
		jdbc.sql("select product_key, max(id) from release_flag_requests group by product_key order by product_key")
			.query((rs, n) -> latest.put(rs.getString(1), rs.getLong(2)))
			.list();
		return latest;
	}

	/** Forgets the product's requests up to {@code latest} (later ones stay due). */
	void done(String productKey, long latest) {
		jdbc.sql("delete from release_flag_requests where product_key = ? and id <= ?")
			.params(productKey, latest)
			.update();
	}

	/** The product's releases' stored flags (a release without a row has none stored). */
	Map<Long, String> flags(String productKey) {
		Map<Long, String> flags = new HashMap<>();
		jdbc.sql("""
				select f.release_id, f.flag from release_flags f join releases r on r.id = f.release_id
				where r.product_key = ?""")
			.param(productKey)
			.query((rs, n) -> flags.put(rs.getLong(1), rs.getString(2)))
			.list();
		return flags;
	}

	void store(long releaseId, String flag, Instant at) {
		if (jdbc.sql("update release_flags set flag = ?, checked_at = ? where release_id = ?")
			.params(flag, Timestamp.from(at), releaseId)
			.update() == 0) {
			jdbc.sql("insert into release_flags (release_id, flag, checked_at) values (?, ?, ?)")
				.params(releaseId, flag, Timestamp.from(at))
				.update();
		}
	}

}
