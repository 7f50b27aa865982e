package dev.priora.refinement.estimates;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A product's finished, estimated items (the backlog's {@code items}, read only; epics
 * left out: their estimate is their children's), a fingerprint of them and of their
 * vectors (the feedback module's {@code item_vectors}, read only), and whether the
 * product owner turned suggestions on or off ({@code estimate_settings}).
 */
@Repository
class EstimateRepository {

	/** A finished item: id, number within its product, title and estimate. */
	record Finished(long id, long number, String title, BigDecimal estimate) {
	}

	private static final String FINISHED = " where i.product_id = ? and i.status = 'DONE' and i.estimate is not null"
			+ " and i.item_type <> 'EPIC'";

	private final JdbcClient jdbc;

	EstimateRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * What changes when the history or its vectors change: how many finished, estimated
	 * items there are ({@code count}), and that with their latest update and the latest
	 * vector stored for one ({@code text}).
	 */
	record Fingerprint(long count, String text) {
	}

	Fingerprint fingerprint(long productId) {
		return jdbc
			.sql("select count(*), max(i.updated_at), max(v.embedded_at) from items i"
					+ " left join item_vectors v on v.item_id = i.id" + FINISHED)
			.param(productId)
			.query((rs, n) -> new Fingerprint(rs.getLong(1),
					rs.getLong(1) + "/" + millis(rs.getTimestamp(2)) + "/" + millis(rs.getTimestamp(3))))
			.single();
	}

	private static long millis(Timestamp t) {
		return t == null ? 0 : t.getTime();
	}

	/** Up to {@code limit} finished, estimated items, the latest updated first. */
	List<Finished> finished(long productId, int limit) {
		return jdbc
			.sql("select i.id, i.item_number, i.title, i.estimate from items i" + FINISHED
					+ " order by i.updated_at desc, i.id desc limit ?")
			.params(productId, limit)
			.query((rs, n) -> new Finished(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBigDecimal(4)))
			.list();
	}

	/** True or false when the product owner chose; empty when automatic. */
	Optional<Boolean> suggest(String productKey) {
		return jdbc.sql("select suggest from estimate_settings where product_key = ?")
			.param(productKey)
			.query(Boolean.class)
			.optional();
	}

	/** Records the choice; null for automatic. */
	void suggest(String productKey, Boolean on) {
		if (on == null) {
			jdbc.sql("delete from estimate_settings where product_key = ?").param(productKey).update();
			return;
		}
		String update = "update estimate_settings set suggest = ? where product_key = ?";
		if (jdbc.sql(update).params(on, productKey).update() == 0
				&& jdbc.sql("insert into estimate_settings (product_key, suggest) values (?, ?) on conflict do nothing")
					.params(productKey, on)
					.update() == 0) {
			jdbc.sql(update).params(on, productKey).update();
		}
	}

}
