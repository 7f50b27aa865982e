package dev.priora.search;

import java.sql.ResultSet;
import java.sql.SQLException;
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

	/** An item's searchable text and version. */
	record IndexRow(long id, String productKey, long number, String title, String description, Instant updatedAt,
			long version, List<String> labels) {
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
		List<IndexRow> rows = jdbc.sql(INDEX_ROWS + " where i.id in (:ids)")
			.param("ids", ids)
			.query(SearchRepository::indexRow)
			.list();
		Map<Long, IndexRow> byId = new HashMap<>();
		rows.forEach(r -> byId.put(r.id(), r));
		jdbc.sql("select item_id, label from item_labels where item_id in (:ids)")
			.param("ids", ids)
			.query((rs, n) -> byId.get(rs.getLong(1)).labels().add(rs.getString(2)))
			.list();
		return rows;
	}

	/**
	 * Up to {@code limit} items of every product with an id above {@code afterId}, by id,
	 * with their labels: the pages of a full build, two statements each (the items by
	 * their primary key, then the labels of that id range).
	 */
	List<IndexRow> page(long afterId, int limit) {
		List<IndexRow> rows = jdbc.sql(INDEX_ROWS + " where i.id > :after order by i.id limit :limit")
			.param("after", afterId)
			.param("limit", limit)
			.query(SearchRepository::indexRow)
			.list();
		if (rows.isEmpty()) {
			return rows;
		}
		Map<Long, IndexRow> byId = new HashMap<>();
		rows.forEach(r -> byId.put(r.id(), r));
		jdbc.sql("select item_id, label from item_labels where item_id > :after and item_id <= :last")
			.param("after", afterId)
			.param("last", rows.get(rows.size() - 1).id())
			.query((rs, n) -> {
				IndexRow r = byId.get(rs.getLong(1));
				return r == null ? null : r.labels().add(rs.getString(2));
			})
			.list();
		return rows;
	}

	/**
	 * The items of these products with this number, of the product {@code keyProduct}
	 * when given (an item key), else of any of them (a number typed alone).
	 */
	List<FoundRow> byKey(Collection<String> productKeys, String keyProduct, long number, int limit) {
		if (productKeys.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select i.id, p.product_key, p.name, i.item_number, i.item_type, i.status, i.title, i.description
				from items i join products p on p.id = i.product_id
				where p.product_key in (:keys) and i.item_number = :number
				order by p.product_key limit :limit""")
			.param("keys",
					keyProduct == null ? productKeys
							: productKeys.contains(keyProduct) ? List.of(keyProduct) : List.of(""))
			.param("number", number)
			.param("limit", limit)
			.query(SearchRepository::foundRow)
			.list();
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
			.query(SearchRepository::foundRow)
			.list()
			.forEach(r -> out.put(r.id(), r));
		return out;
	}

	private static final String INDEX_ROWS = """
			select i.id, p.product_key, i.item_number, i.title, i.description, i.updated_at, i.version
			from items i join products p on p.id = i.product_id""";

	private static IndexRow indexRow(ResultSet rs, int n) throws SQLException {
		return new IndexRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
				rs.getTimestamp(6).toInstant(), rs.getLong(7), new ArrayList<>());
	}

	private static FoundRow foundRow(ResultSet rs, int n) throws SQLException {
		return new FoundRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
				rs.getString(6), rs.getString(7), rs.getString(8));
	}

}
