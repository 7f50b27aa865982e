package dev.priora.backlog;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What backlog listings read: filtered pages of items and an epic's children, and what a
 * row shows besides the item itself (customer demand, assignees, epic roll-ups).
 */
@Repository
class ListingRepository {

	private final JdbcClient jdbc;

	ListingRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

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
