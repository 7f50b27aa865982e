package dev.priora.progress;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.priora.backlog.ItemKey;

/**
 * The team: members ({@code team_members}, skills stored comma-separated), their days off
 * per sprint ({@code member_days_off}) and who works on which item
 * ({@code item_assignees}); items are read from the backlog's tables (read only).
 */
@Repository
class TeamRepository {

	private final JdbcClient jdbc;

	TeamRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The product's members, by name. */
	List<TeamService.Member> members(String productKey) {
		return jdbc.sql("select * from team_members where product_key = ? order by name")
			.param(productKey)
			.query((rs, n) -> new TeamService.Member(rs.getLong("id"), rs.getString("name"), rs.getString("email"),
					rs.getBigDecimal("capacity"), skills(rs.getString("skills"))))
			.list();
	}

	/** Adds a member; a name the product has already breaks its unique key. */
	void insert(String productKey, String name, String email, BigDecimal capacity, String skills) {
		jdbc.sql("insert into team_members (product_key, name, email, capacity, skills) values (?, ?, ?, ?, ?)")
			.params(productKey, name, email, capacity, skills)
			.update();
	}

	void update(long memberId, String name, String email, BigDecimal capacity, String skills) {
		jdbc.sql("update team_members set name = ?, email = ?, capacity = ?, skills = ?, version = version + 1"
				+ " where id = ?")
			.params(name, email, capacity, skills, memberId)
			.update();
	}

	void delete(long memberId) {
		jdbc.sql("delete from team_members where id = ?").param(memberId).update();
	}

	/** How many unfinished items are assigned to the member. */
	int openAssigned(long memberId) {
		return jdbc
			.sql("select count(*) from item_assignees a join items i on i.id = a.item_id"
					+ " where a.member_id = ? and i.status not in ('DONE', 'REJECTED')")
			.param(memberId)
			.query(Integer.class)
			.single();
	}

	/** Sets the member's days off in the sprint (0 removes the row). */
	void daysOff(long memberId, long sprintId, int days) {
		jdbc.sql("delete from member_days_off where member_id = ? and sprint_id = ?")
			.params(memberId, sprintId)
			.update();
		if (days > 0) {
			jdbc.sql("insert into member_days_off (member_id, sprint_id, days) values (?, ?, ?)")
				.params(memberId, sprintId, days)
				.update();
		}
	}

	/** The member's days off in the sprint (0 without a row). */
	int daysOff(long memberId, long sprintId) {
		return jdbc.sql("select coalesce(max(days), 0) from member_days_off where member_id = ? and sprint_id = ?")
			.params(memberId, sprintId)
			.query(Integer.class)
			.single();
	}

	/** Days off of the product's members, keyed {@code memberId + ":" + sprintId}. */
	Map<String, Integer> daysOff(String productKey) {
		Map<String, Integer> off = new HashMap<>();
		jdbc.sql("""
				select d.member_id, d.sprint_id, d.days from member_days_off d join team_members m on m.id = d.member_id
				where m.product_key = ?""")
			.param(productKey)
			.query((rs, n) -> off.put(rs.getLong(1) + ":" + rs.getLong(2), rs.getInt(3)))
			.list();
		return off;
	}

	/** The member assigned to the item (id and name only), if any. */
	Optional<TeamService.Member> assignee(long itemId) {
		return jdbc
			.sql("select m.id, m.name from item_assignees a join team_members m on m.id = a.member_id"
					+ " where a.item_id = ?")
			.param(itemId)
			.query((rs, n) -> new TeamService.Member(rs.getLong(1), rs.getString(2), null, null, List.of()))
			.optional();
	}

	/** Clears the item's assignee. */
	void unassign(long itemId) {
		jdbc.sql("delete from item_assignees where item_id = ?").param(itemId).update();
	}

	/** Assigns the item (without an assignee) to the member. */
	void assign(long itemId, long memberId) {
		jdbc.sql("insert into item_assignees (item_id, member_id) values (?, ?)").params(itemId, memberId).update();
	}

	/** Item key → the member assigned to it, for the product's assigned items. */
	Map<String, TeamService.Member> assigneesByItem(String productKey) {
		Map<Long, TeamService.Member> byId = new HashMap<>();
		members(productKey).forEach(m -> byId.put(m.id(), m));
		Map<String, TeamService.Member> result = new HashMap<>();
		assignees(productKey).forEach((item, member) -> result.put(item, byId.get(member)));
		return result;
	}

	/** The items assigned to the member, by number. */
	List<ItemKey> assignedItems(long memberId) {
		return jdbc.sql("""
				select p.product_key, i.item_number from item_assignees a join items i on i.id = a.item_id
				join products p on p.id = i.product_id where a.member_id = ? order by i.item_number""")
			.param(memberId)
			.query((rs, n) -> new ItemKey(rs.getString(1), rs.getLong(2)))
			.list();
	}

	private Map<String, Long> assignees(String productKey) {
		Map<String, Long> result = new LinkedHashMap<>();
		jdbc.sql("""
				select p.product_key || '-' || cast(i.item_number as varchar(20)), a.member_id from item_assignees a
				join items i on i.id = a.item_id join products p on p.id = i.product_id where p.product_key = ?""")
			.param(productKey)
			.query((rs, n) -> result.put(rs.getString(1), rs.getLong(2)))
			.list();
		return result;
	}

	private static List<String> skills(String text) {
		return text == null || text.isBlank() ? List.of() : Arrays.asList(text.split(","));
	}

}
