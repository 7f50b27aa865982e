package dev.priora.progress;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.priora.backlog.ItemStatus;

/**
 * The sprint board's WIP limits, who works on which item, item versions (read from the
 * backlog's {@code items}, read only), and the work assigned to a person across products.
 */
@Repository
class BoardRepository {

	/** A team member assigned to an item. */
	record Assignee(long memberId, String name, String email) {
	}

	/** An item assigned to a person, with its product, status and plan. */
	record Work(String productKey, String productName, long itemNumber, String type, String title, String status,
			java.math.BigDecimal estimate, String memberName, Long sprintId, String sprintName, Long releaseId,
			String releaseName, java.time.Instant updatedAt) {
	}

	private final JdbcClient jdbc;

	BoardRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Map<ItemStatus, Integer> wipLimits(String productKey) {
		Map<ItemStatus, Integer> result = new EnumMap<>(ItemStatus.class);
		jdbc.sql("select status, wip_limit from board_wip_limits where product_key = ?")
			.param(productKey)
			.query((rs, n) -> result.put(ItemStatus.valueOf(rs.getString(1)), rs.getInt(2)))
			.list();
		return result;
	}

	void replaceWipLimits(String productKey, Map<ItemStatus, Integer> limits) {
		jdbc.sql("delete from board_wip_limits where product_key = ?").param(productKey).update();
		limits.forEach((status, limit) -> jdbc
			.sql("insert into board_wip_limits (product_key, status, wip_limit) values (?, ?, ?)")
			.params(productKey, status.name(), limit)
			.update());
	}

	/** The assignee of each assigned item of the product, by item id. */
	Map<Long, Assignee> assignees(String productKey) {
		Map<Long, Assignee> result = new HashMap<>();
		jdbc.sql("""
				select a.item_id, m.id, m.name, m.email from item_assignees a join team_members m on m.id = a.member_id
				where m.product_key = ?""")
			.param(productKey)
			.query((rs, n) -> result.put(rs.getLong(1), new Assignee(rs.getLong(2), rs.getString(3), rs.getString(4))))
			.list();
		return result;
	}

	/** The version of each of the product's items, by item id. */
	Map<Long, Long> versions(String productKey) {
		Map<Long, Long> result = new HashMap<>();
		jdbc.sql("select i.id, i.version from items i join products p on p.id = i.product_id where p.product_key = ?")
			.param(productKey)
			.query((rs, n) -> result.put(rs.getLong(1), rs.getLong(2)))
			.list();
		return result;
	}

	/** Whether a team member of the product has this e-mail (case-insensitive). */
	boolean onTeam(String productKey, String email) {
		return email != null && !email.isBlank()
				&& jdbc.sql("select count(*) from team_members where product_key = ? and lower(email) = lower(?)")
					.params(productKey, email.strip())
					.query(Long.class)
					.single() > 0;
	}

	/**
	 * The items assigned to team members with this e-mail in the given products, by
	 * product name, then status (unfinished first), then backlog order.
	 */
	List<Work> work(String email, List<String> productKeys) {
		if (productKeys.isEmpty() || email == null || email.isBlank()) {
			return List.of();
		}
		return jdbc.sql("""
				select p.product_key, p.name as product_name, i.item_number, i.item_type, i.title, i.status, i.estimate,
				  m.name as member_name, s.id as sprint_id, s.name as sprint_name, r.id as release_id,
				  r.name as release_name, i.updated_at
				from item_assignees a
				join team_members m on m.id = a.member_id
				join items i on i.id = a.item_id
				join products p on p.id = i.product_id
				left join planned_items pi on pi.item_id = i.id
				left join sprints s on s.id = pi.sprint_id
				left join releases r on r.id = pi.release_id
				where lower(m.email) = lower(:email) and m.product_key in (:keys)
				order by p.name, case i.status when 'IN_PROGRESS' then 0 when 'READY' then 1 when 'NEW' then 2
				  when 'DONE' then 3 else 4 end, i.rank_key""")
			.param("email", email.strip())
			.param("keys", productKeys)
			.query((rs, n) -> new Work(rs.getString("product_key"), rs.getString("product_name"),
					rs.getLong("item_number"), rs.getString("item_type"), rs.getString("title"), rs.getString("status"),
					rs.getBigDecimal("estimate"), rs.getString("member_name"),
					(Long) rs.getObject("sprint_id", Long.class), rs.getString("sprint_name"),
					(Long) rs.getObject("release_id", Long.class), rs.getString("release_name"),
					rs.getObject("updated_at", java.time.OffsetDateTime.class).toInstant()))
			.list();
	}

}
