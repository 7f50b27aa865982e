package dev.priora.progress;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.priora.backlog.ItemStatus;

/**
 * The sprint board's WIP limits and cards (the items planned into a sprint or a release,
 * read from the backlog's and planning's tables, read only, with their assignees and
 * unfinished prerequisites), and the work assigned to a person across products.
 */
@Repository
class BoardRepository {

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

	/**
	 * A card's item: key number, title, status, estimate, version, its parent (number,
	 * title and rank, for epic lanes in backlog order) and its assignee (name, e-mail).
	 */
	record CardRow(long id, long number, String title, ItemStatus status, BigDecimal estimate, long version,
			Long parentNumber, String parentTitle, String parentRank, String assignee, String assigneeEmail) {
	}

	/** A card's unfinished prerequisite ("depends on" an item not done). */
	record Blocker(long itemId, long prerequisiteNumber) {
	}

	/**
	 * The items of the product planned into the sprint ({@code release} false) or the
	 * release, epics left out, in backlog order, with their parent and assignee (a member
	 * of this product's team): one statement, reading only those items.
	 */
	List<CardRow> cards(long productId, String productKey, boolean release, long scopeId) {
		return jdbc.sql("""
				select i.id, i.item_number, i.title, i.status, i.estimate, i.version, e.item_number as parent_number,
				  e.title as parent_title, e.rank_key as parent_rank, m.name as member_name, m.email as member_email
				from planned_items pi
				join items i on i.id = pi.item_id
				left join items e on e.id = i.parent_id
				left join item_assignees a on a.item_id = i.id
				left join team_members m on m.id = a.member_id and m.product_key = :key
				where %s = :scope and i.product_id = :product and i.item_type <> 'EPIC'
				order by i.rank_key""".formatted(release ? "pi.release_id" : "pi.sprint_id"))
			.param("key", productKey)
			.param("scope", scopeId)
			.param("product", productId)
			.query((rs, n) -> new CardRow(rs.getLong("id"), rs.getLong("item_number"), rs.getString("title"),
					ItemStatus.valueOf(rs.getString("status")), points(rs.getBigDecimal("estimate")),
					rs.getLong("version"), (Long) rs.getObject("parent_number", Long.class),
					rs.getString("parent_title"), rs.getString("parent_rank"), rs.getString("member_name"),
					rs.getString("member_email")))
			.list();
	}

	/**
	 * The unfinished prerequisites (any status but done) of the items planned into the
	 * sprint or the release, from the product's "depends on" links.
	 */
	List<Blocker> blockers(long productId, boolean release, long scopeId) {
		return jdbc.sql("""
				select d.item_id, t.item_number
				from planned_items pi
				join item_dependencies d on d.item_id = pi.item_id
				join items t on t.id = d.target_id
				where %s = :scope and d.product_id = :product and d.kind = 'DEPENDS_ON' and t.product_id = :product
				  and t.status <> 'DONE'
				order by d.id""".formatted(release ? "pi.release_id" : "pi.sprint_id"))
			.param("scope", scopeId)
			.param("product", productId)
			.query((rs, n) -> new Blocker(rs.getLong(1), rs.getLong(2)))
			.list();
	}

	/**
	 * The state of each started sprint of the product, by sprint id (ACTIVE or CLOSED).
	 */
	Map<Long, String> sprintStates(String productKey) {
		Map<Long, String> result = new HashMap<>();
		jdbc.sql("select r.sprint_id, r.state from sprint_runs r join sprints s on s.id = r.sprint_id "
				+ "where s.product_key = ?")
			.param(productKey)
			.query((rs, n) -> result.put(rs.getLong(1), rs.getString(2)))
			.list();
		return result;
	}

	private static BigDecimal points(BigDecimal v) {
		if (v == null) {
			return null;
		}
		v = v.stripTrailingZeros();
		return v.scale() < 0 ? v.setScale(0) : v;
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
