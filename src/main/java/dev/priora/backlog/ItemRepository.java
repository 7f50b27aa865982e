package dev.priora.backlog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * An item's own rows: the item, its labels and its acceptance criteria, read and written
 * by id or number.
 */
@Repository
class ItemRepository {

	private final JdbcClient jdbc;

	ItemRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(ItemRow r) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into items (product_id, item_number, item_type, title, description, estimate, status,
				  parent_id, rank_key, created_at, created_by, updated_at, updated_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(r.productId(), r.number(), r.type().name(), r.title(), r.description(), r.estimate(),
					r.status().name(), r.parentId(), r.rank(), Rows.utc(r.createdAt()), r.createdBy(),
					Rows.utc(r.updatedAt()), r.updatedBy())
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void backdate(long id, java.time.Instant created) {
		jdbc.sql("update items set created_at = ? where id = ?").params(Rows.utc(created), id).update();
	}

	Optional<ItemRow> find(long productId, long number) {
		return jdbc.sql("select " + ItemRow.COLUMNS + " from items i where i.product_id = ? and i.item_number = ?")
			.params(productId, number)
			.query(ItemRow::map)
			.optional();
	}

	/** The item's id by its product's key and its number (see {@link ItemIds}). */
	Optional<Long> idOf(String productKey, long number) {
		return jdbc.sql("""
				select i.id from items i join products p on p.id = i.product_id
				where p.product_key = ? and i.item_number = ?""")
			.params(productKey, number)
			.query(Long.class)
			.optional();
	}

	Map<Long, ItemRow> findAll(Collection<Long> ids) {
		Map<Long, ItemRow> rows = new HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql("select " + ItemRow.COLUMNS + " from items i where i.id in (:ids)")
				.param("ids", ids)
				.query(ItemRow::map)
				.list()
				.forEach(r -> rows.put(r.id(), r));
		}
		return rows;
	}

	/** Writes the editable fields when the version still matches; true when it did. */
	boolean update(ItemRow r, long expectedVersion) {
		return jdbc.sql("""
				update items set item_type = ?, title = ?, description = ?, estimate = ?, status = ?, parent_id = ?,
				  updated_at = ?, updated_by = ?, version = version + 1 where id = ? and version = ?""")
			.params(r.type().name(), r.title(), r.description(), r.estimate(), r.status().name(), r.parentId(),
					Rows.utc(r.updatedAt()), r.updatedBy(), r.id(), expectedVersion)
			.update() == 1;
	}

	void delete(long id) {
		jdbc.sql("delete from items where id = ?").param(id).update();
	}

	boolean hasChildren(long id) {
		return jdbc.sql("select count(*) from items where parent_id = ?").param(id).query(Long.class).single() > 0;
	}

	void replaceLabels(long itemId, List<String> labels) {
		jdbc.sql("delete from item_labels where item_id = ?").param(itemId).update();
		for (String label : labels) {
			jdbc.sql("insert into item_labels (item_id, label) values (?, ?)").params(itemId, label).update();
		}
	}

	Map<Long, List<String>> labels(Collection<Long> ids) {
		Map<Long, List<String>> labels = new HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql("select item_id, label from item_labels where item_id in (:ids) order by label")
				.param("ids", ids)
				.query((rs, n) -> labels.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)))
				.list();
		}
		return labels;
	}

	void replaceCriteria(long itemId, List<AcceptanceCriterion> criteria) {
		jdbc.sql("delete from acceptance_criteria where item_id = ?").param(itemId).update();
		for (int i = 0; i < criteria.size(); i++) {
			jdbc.sql("insert into acceptance_criteria (item_id, position, statement, done) values (?, ?, ?, ?)")
				.params(itemId, i, criteria.get(i).statement(), criteria.get(i).done())
				.update();
		}
	}

	List<AcceptanceCriterion> criteria(long itemId) {
		return jdbc.sql("select statement, done from acceptance_criteria where item_id = ? order by position")
			.param(itemId)
			.query((rs, n) -> new AcceptanceCriterion(rs.getString(1), rs.getBoolean(2)))
			.list();
	}

	/** The criteria of several items of a product in one query, by item number. */
	Map<Long, List<AcceptanceCriterion>> criteria(String productKey, Collection<Long> numbers) {
		Map<Long, List<AcceptanceCriterion>> criteria = new HashMap<>();
		if (!numbers.isEmpty()) {
			jdbc.sql(
					"""
							select i.item_number, c.statement, c.done from acceptance_criteria c join items i on i.id = c.item_id
							join products p on p.id = i.product_id
							where p.product_key = :key and i.item_number in (:numbers) order by i.item_number, c.position""")
				.param("key", productKey)
				.param("numbers", numbers)
				.query((rs, n) -> criteria.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(new AcceptanceCriterion(rs.getString(2), rs.getBoolean(3))))
				.list();
		}
		return criteria;
	}

	Map<Long, Integer> criteriaCounts(Collection<Long> ids) {
		Map<Long, Integer> counts = new HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql("select item_id, count(*) from acceptance_criteria where item_id in (:ids) group by item_id")
				.param("ids", ids)
				.query((rs, n) -> counts.put(rs.getLong(1), rs.getInt(2)))
				.list();
		}
		return counts;
	}

}
