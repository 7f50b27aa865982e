package dev.priora.backlog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

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

	Optional<ItemRow> findForUpdate(long productId, long number) {
		return jdbc
			.sql("select " + ItemRow.COLUMNS + " from items i where i.product_id = ? and i.item_number = ? for update")
			.params(productId, number)
			.query(ItemRow::map)
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

	// --- order ---

	// Each "order by product_id, rank_key" with a range on rank_key matches the index
	// items_rank_uq, so the
	// database reads only the rows it returns instead of sorting the product (H2 needs
	// both to choose that index).

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

	// --- listing ---

	record ListRow(long id, long number, ItemType type, String title, ItemStatus status, java.math.BigDecimal estimate,
			Long parentNumber, long version, String rank, boolean hasDescription, boolean hasParent) {
	}

	List<ListRow> page(long productId, ItemFilter filter, String afterRank, int offset, int limit, String readySql) {
		boolean byDemand = filter.order() == ItemOrder.DEMAND;
		StringBuilder sql = new StringBuilder("""
				select i.id, i.item_number, i.item_type, i.title, i.status, i.estimate, p.item_number as parent_number,
				  i.version, i.rank_key, case when length(trim(i.description)) > 0 then 1 else 0 end as has_description
				from items i left join items p on p.id = i.parent_id""");
		if (byDemand || filter.minCustomers() != null) {
			sql.append(" left join item_demand d on d.item_id = i.id");
		}
		sql.append(" where i.product_id = :product");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("product", productId);
		if (!byDemand) {
			sql.append(" and i.rank_key > :after");
			params.put("after", afterRank == null ? "" : afterRank);
		}
		appendFilter(sql, params, filter, readySql);
		if (filter.minCustomers() != null) {
			sql.append(" and coalesce(d.customers, 0) >= :minCustomers");
			params.put("minCustomers", filter.minCustomers());
		}
		if (byDemand) {
			sql.append(" order by coalesce(d.importance, 0) desc, coalesce(d.customers, 0) desc,"
					+ " coalesce(d.revenue, 0) desc, i.rank_key limit :limit offset :offset");
			params.put("offset", offset);
		}
		else {
			sql.append(" order by i.product_id, i.rank_key limit :limit");
		}
		params.put("limit", limit);
		return jdbc.sql(sql.toString())
			.params(params)
			.query((rs, n) -> new ListRow(rs.getLong("id"), rs.getLong("item_number"),
					ItemType.valueOf(rs.getString("item_type")), rs.getString("title"),
					ItemStatus.valueOf(rs.getString("status")), Rows.points(rs, "estimate"),
					Rows.nullableLong(rs, "parent_number"), rs.getLong("version"), rs.getString("rank_key"),
					rs.getInt("has_description") == 1, Rows.nullableLong(rs, "parent_number") != null))
			.list();
	}

	/**
	 * The demand the feedback module recorded for the items (items without any are left
	 * out).
	 */
	Map<Long, ItemDemand> demand(Collection<Long> ids) {
		Map<Long, ItemDemand> result = new HashMap<>();
		if (ids.isEmpty()) {
			return result;
		}
		jdbc.sql(
				"select item_id, customers, importance, revenue, currency, feedback from item_demand where item_id in (:ids)")
			.param("ids", ids)
			.query((rs, n) -> result.put(rs.getLong(1),
					new ItemDemand(rs.getInt(2), rs.getInt(3), rs.getBigDecimal(4), rs.getString(5), rs.getInt(6))))
			.list();
		return result;
	}

	/**
	 * The assignee's name of each assigned item ({@code progress} owns the team and the
	 * assignments; read only here).
	 */
	Map<Long, String> assignees(Collection<Long> ids) {
		Map<Long, String> result = new HashMap<>();
		if (ids.isEmpty()) {
			return result;
		}
		jdbc.sql("select a.item_id, m.name from item_assignees a join team_members m on m.id = a.member_id"
				+ " where a.item_id in (:ids)")
			.param("ids", ids)
			.query((rs, n) -> result.put(rs.getLong(1), rs.getString(2)))
			.list();
		return result;
	}

	/** The product's team members, by name, to filter by (read only, as above). */
	List<ItemAssignee> assignable(String productKey) {
		return jdbc.sql("select id, name from team_members where product_key = ? order by name")
			.param(productKey)
			.query((rs, n) -> new ItemAssignee(rs.getLong(1), rs.getString(2)))
			.list();
	}

	List<ListRow> children(long parentId) {
		return jdbc.sql("""
				select i.id, i.item_number, i.item_type, i.title, i.status, i.estimate, p.item_number as parent_number,
				  i.version, i.rank_key, case when length(trim(i.description)) > 0 then 1 else 0 end as has_description
				from items i join items p on p.id = i.parent_id where i.parent_id = ? order by i.rank_key""")
			.param(parentId)
			.query((rs, n) -> new ListRow(rs.getLong("id"), rs.getLong("item_number"),
					ItemType.valueOf(rs.getString("item_type")), rs.getString("title"),
					ItemStatus.valueOf(rs.getString("status")), Rows.points(rs, "estimate"),
					rs.getLong("parent_number"), rs.getLong("version"), rs.getString("rank_key"),
					rs.getInt("has_description") == 1, true))
			.list();
	}

	private static void appendAssignee(StringBuilder sql, Map<String, Object> params, AssigneeFilter a) {
		if (a == null) {
			return;
		}
		if (a.nobody()) {
			sql.append(" and not exists (select 1 from item_assignees a where a.item_id = i.id)");
		}
		else if (a.memberId() != null) {
			sql.append(" and exists (select 1 from item_assignees a where a.item_id = i.id and a.member_id = :member)");
			params.put("member", a.memberId());
		}
		else {
			sql.append(" and exists (select 1 from item_assignees a join team_members m on m.id = a.member_id"
					+ " where a.item_id = i.id and lower(m.email) = lower(:assigneeEmail) and m.email <> '')");
			params.put("assigneeEmail", a.email());
		}
	}

	private static void appendFilter(StringBuilder sql, Map<String, Object> params, ItemFilter f, String readySql) {
		appendAssignee(sql, params, f.assignee());
		if (f.type() != null) {
			sql.append(" and i.item_type = :type");
			params.put("type", f.type().name());
		}
		if (f.status() != null) {
			sql.append(" and i.status = :status");
			params.put("status", f.status().name());
		}
		if (f.label() != null) {
			sql.append(" and exists (select 1 from item_labels l where l.item_id = i.id and l.label = :label)");
			params.put("label", f.label().toLowerCase(Locale.ROOT));
		}
		if (f.parent() != null) {
			sql.append(" and p.item_number = :parent");
			params.put("parent", f.parent().number());
		}
		if (f.ready() != null) {
			sql.append(f.ready() ? " and " : " and not ").append(readySql);
		}
		if (f.text() != null) {
			sql.append(" and (lower(i.title) like :text escape '\\' or lower(i.description) like :text escape '\\')");
			params.put("text", "%" + escapeLike(f.text().toLowerCase(Locale.ROOT)) + "%");
		}
	}

	private static String escapeLike(String s) {
		return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	record Rollup(long parentId, int children, java.math.BigDecimal total, java.math.BigDecimal done, int unestimated) {
	}

	Map<Long, EpicRollup> rollups(Collection<Long> epicIds) {
		Map<Long, EpicRollup> result = new HashMap<>();
		if (epicIds.isEmpty()) {
			return result;
		}
		// Driven by the epics' primary keys, then each epic's children by the parent
		// index:
		// grouping by an indexed parent_id let H2 walk that whole index instead.
		jdbc.sql("""
				select e.id as parent_id, count(*) as children, coalesce(sum(c.estimate), 0) as total,
				  coalesce(sum(case when c.status = 'DONE' then c.estimate else 0 end), 0) as done,
				  sum(case when c.estimate is null then 1 else 0 end) as unestimated
				from items e join items c on c.parent_id = e.id
				where e.id in (:ids) and c.status <> 'REJECTED' group by e.id""")
			.param("ids", epicIds)
			.query((rs, n) -> result.put(rs.getLong("parent_id"),
					new EpicRollup(rs.getInt("children"), Rows.points(rs, "total"), Rows.points(rs, "done"),
							rs.getInt("unestimated"))))
			.list();
		return result;
	}

}
