package dev.priora.search;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads items for the search index and for the found items; never writes. */
@Repository
class SearchRepository {

	/** An item's searchable text. */
	record IndexRow(long id, String productKey, long number, String title, String description, Instant updatedAt,
			List<String> labels) {
	}

	/** A found item as it is now. */
	record FoundRow(long id, String productKey, String productName, long number, String type, String status,
			String title, String description) {
	}

	private final JdbcClient jdbc;

	SearchRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An item's version and last change. */
	record Stamp(long id, long version, Instant updatedAt) {
	}

	/** The items changed after {@code since}: id, version, update time. */
	List<Stamp> changedAfter(Instant since) {
		return jdbc.sql("select id, version, updated_at from items where updated_at > ?")
			.param(Timestamp.from(since))
			.query((rs, n) -> new Stamp(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant()))
			.list();
	}

	/** The searchable text of these items, with their labels (at most 1,000 ids). */
	List<IndexRow> texts(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		List<IndexRow> rows = jdbc.sql("""
				select i.id, p.product_key, i.item_number, i.title, i.description, i.updated_at
				from items i join products p on p.id = i.product_id where i.id in (:ids)""")
			.param("ids", ids)
			.query((rs, n) -> new IndexRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
					rs.getString(5), rs.getTimestamp(6).toInstant(), new ArrayList<>()))
			.list();
		Map<Long, IndexRow> byId = new HashMap<>();
		rows.forEach(r -> byId.put(r.id(), r));
		jdbc.sql("select item_id, label from item_labels where item_id in (:ids)")
			.param("ids", ids)
			.query((rs, n) -> byId.get(rs.getLong(1)).labels().add(rs.getString(2)))
			.list();
		return rows;
	}

	/** The items with these ids that still exist, as they are now. */
	Map<Long, FoundRow> found(Collection<Long> ids) {
		Map<Long, FoundRow> out = new HashMap<>();
		if (ids.isEmpty()) {
			return out;
		}
		jdbc.sql("""
				select i.id, p.product_key, p.name, i.item_number, i.item_type, i.status, i.title, i.description
				from items i join products p on p.id = i.product_id where i.id in (:ids)""")
			.param("ids", ids)
			.query((rs, n) -> new FoundRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
			.list()
			.forEach(r -> out.put(r.id(), r));
		return out;
	}

}
