package dev.priora.backlog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The backlog order: the rank keys that place items (read around a place, written one at
 * a time or rewritten for a whole product), and the product's items read in that order.
 */
@Repository
class RankRepository {

	private final JdbcClient jdbc;

	RankRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// Each "order by product_id, rank_key" with a range on rank_key matches the index
	// items_rank_uq, so the database reads only the rows it returns instead of sorting
	// the product (H2 needs both to choose that index).

	Optional<String> firstRank(long productId) {
		return jdbc.sql(
				"select rank_key from items where product_id = ? and rank_key > '' order by product_id, rank_key limit 1")
			.param(productId)
			.query(String.class)
			.optional();
	}

	Optional<String> lastRank(long productId) {
		return jdbc.sql("""
				select rank_key from items where product_id = ? and rank_key > ''
				order by product_id desc, rank_key desc limit 1""").param(productId).query(String.class).optional();
	}

	Optional<String> rankBefore(long productId, String rank) {
		return jdbc.sql("""
				select rank_key from items where product_id = ? and rank_key < ?
				order by product_id desc, rank_key desc limit 1""")
			.params(productId, rank)
			.query(String.class)
			.optional();
	}

	Optional<String> rankAfter(long productId, String rank) {
		return jdbc
			.sql("""
					select rank_key from items where product_id = ? and rank_key > ? order by product_id, rank_key limit 1""")
			.params(productId, rank)
			.query(String.class)
			.optional();
	}

	void updateRank(long itemId, String rank) {
		jdbc.sql("update items set rank_key = ? where id = ?").params(rank, itemId).update();
	}

	record SnapshotRow(long id, long number, ItemType type, String title, ItemStatus status,
			java.math.BigDecimal estimate, Long parentNumber, String rank) {
	}

	/** Every item of the product in backlog order, without texts. */
	List<SnapshotRow> snapshot(long productId) {
		return jdbc.sql("""
				select i.id, i.item_number, i.item_type, i.title, i.status, i.estimate, p.item_number as parent_number
				from items i left join items p on p.id = i.parent_id
				where i.product_id = ? and i.rank_key > '' order by i.product_id, i.rank_key""")
			.param(productId)
			.query((rs, n) -> new SnapshotRow(rs.getLong(1), rs.getLong(2), ItemType.valueOf(rs.getString(3)),
					rs.getString(4), ItemStatus.valueOf(rs.getString(5)), Rows.points(rs, "estimate"),
					Rows.nullableLong(rs, "parent_number"), null))
			.list();
	}

	/**
	 * Up to {@code limit} of the product's open items (neither done nor rejected) after
	 * the rank {@code afterRank} (from the first when null), in backlog order.
	 */
	List<SnapshotRow> openSnapshotPage(long productId, String afterRank, int limit) {
		return jdbc.sql("""
				select i.id, i.item_number, i.item_type, i.title, i.status, i.estimate, p.item_number as parent_number,
				  i.rank_key
				from items i left join items p on p.id = i.parent_id
				where i.product_id = ? and i.rank_key > ? and i.status not in ('DONE', 'REJECTED')
				order by i.product_id, i.rank_key limit ?""")
			.params(productId, afterRank == null ? "" : afterRank, limit)
			.query((rs, n) -> new SnapshotRow(rs.getLong(1), rs.getLong(2), ItemType.valueOf(rs.getString(3)),
					rs.getString(4), ItemStatus.valueOf(rs.getString(5)), Rows.points(rs, "estimate"),
					Rows.nullableLong(rs, "parent_number"), rs.getString("rank_key")))
			.list();
	}

	/** Every label of the product's items, by item id. */
	Map<Long, List<String>> productLabels(long productId) {
		Map<Long, List<String>> result = new HashMap<>();
		jdbc.sql("""
				select l.item_id, l.label from item_labels l join items i on i.id = l.item_id
				where i.product_id = ? order by l.label""")
			.param(productId)
			.query((rs, n) -> result.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>())
				.add(rs.getString(2)))
			.list();
		return result;
	}

	List<Long> idsInOrder(long productId) {
		return jdbc.sql("select id from items where product_id = ? order by product_id, rank_key")
			.param(productId)
			.query(Long.class)
			.list();
	}

	/**
	 * Rewrites every rank of a product; first to unique temporary keys, so no unique
	 * check trips midway.
	 */
	void rewriteRanks(long productId, List<Long> ids, String[] keys) {
		jdbc.sql("update items set rank_key = concat('t', cast(id as varchar(20))) where product_id = ?")
			.param(productId)
			.update();
		for (int i = 0; i < ids.size(); i++) {
			jdbc.sql("update items set rank_key = ? where id = ?").params(keys[i], ids.get(i)).update();
		}
	}

}
