package dev.priora.integration;

import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which items came from which key in another tool. */
@Repository
class ImportRepository {

	private final JdbcClient jdbc;

	ImportRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The other tool's key → the item's number, for the product and source. */
	Map<String, Long> imported(String productKey, String source) {
		Map<String, Long> result = new HashMap<>();
		jdbc.sql("""
				select k.external_key, i.item_number from item_external_keys k join items i on i.id = k.item_id
				where k.product_key = ? and k.source = ?""")
			.params(productKey, source)
			.query((rs, n) -> result.put(rs.getString(1), rs.getLong(2)))
			.list();
		return result;
	}

	void remember(long itemId, String productKey, String source, String externalKey) {
		jdbc.sql("insert into item_external_keys (item_id, product_key, source, external_key) values (?, ?, ?, ?)")
			.params(itemId, productKey, source, externalKey)
			.update();
	}

}
