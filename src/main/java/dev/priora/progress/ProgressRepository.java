package dev.priora.progress;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Sprint runs, spillover, release decisions, and status history read from the backlog
 * (read only).
 */
@Repository
class ProgressRepository {

	record Run(long sprintId, String state, BigDecimal committed, BigDecimal completed, Instant startedAt,
			Instant closedAt) {
	}

	record Decision(long id, String decision, String note, long decidedBy, Instant decidedAt) {
	}

	/** When an item became done (or stopped being done), from the backlog's history. */
	record StatusChange(String itemKey, String to, Instant at) {
	}

	private final JdbcClient jdbc;

	ProgressRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Run> run(long sprintId) {
		return jdbc.sql("select * from sprint_runs where sprint_id = ?")
			.param(sprintId)
			.query(ProgressRepository::run)
			.optional();
	}

	/** Runs of the product's sprints, oldest first. */
	List<Run> runs(String productKey) {
		return jdbc.sql("""
				select r.* from sprint_runs r join sprints s on s.id = r.sprint_id where s.product_key = ?
				order by r.started_at""").param(productKey).query(ProgressRepository::run).list();
	}

	void start(long sprintId, BigDecimal committed, long user, Instant now) {
		jdbc.sql(
				"""
						insert into sprint_runs (sprint_id, state, committed, started_at, started_by) values (?, 'ACTIVE', ?, ?, ?)""")
			.params(sprintId, committed, utc(now), user)
			.update();
	}

	void close(long sprintId, BigDecimal completed, long user, Instant now) {
		jdbc.sql(
				"update sprint_runs set state = 'CLOSED', completed = ?, closed_at = ?, closed_by = ? where sprint_id = ?")
			.params(completed, utc(now), user, sprintId)
			.update();
	}

	void spillover(long sprintId, long itemId, BigDecimal points, Long movedTo) {
		jdbc.sql("insert into sprint_spillover (sprint_id, item_id, points, moved_to) values (?, ?, ?, ?)")
			.params(sprintId, itemId, points, movedTo)
			.update();
	}

	List<String> spilledOver(long sprintId) {
		return jdbc.sql("""
				select p.product_key || '-' || cast(i.item_number as varchar(20)) from sprint_spillover s
				join items i on i.id = s.item_id join products p on p.id = i.product_id where s.sprint_id = ?
				order by i.item_number""").param(sprintId).query(String.class).list();
	}

	/** The product's closed sprints, oldest first, with the points that spilled over. */
	List<ProgressService.ClosedSprint> closedSprints(String productKey) {
		return jdbc
			.sql("""
					select s.name, r.completed, coalesce(sum(o.points), 0) from sprint_runs r join sprints s on s.id = r.sprint_id
					left join sprint_spillover o on o.sprint_id = s.id where s.product_key = ? and r.state = 'CLOSED'
					group by r.sprint_id, s.name, r.completed, r.closed_at order by r.closed_at""")
			.param(productKey)
			.query((rs, n) -> new ProgressService.ClosedSprint(rs.getString(1), rs.getBigDecimal(2),
					rs.getBigDecimal(3)))
			.list();
	}

	void decide(long releaseId, String decision, String note, long user, Instant now) {
		jdbc.sql(
				"insert into release_decisions (release_id, decision, note, decided_by, decided_at) values (?, ?, ?, ?, ?)")
			.params(releaseId, decision, note, user, utc(now))
			.update();
	}

	List<Decision> decisions(long releaseId) {
		return jdbc.sql("select * from release_decisions where release_id = ? order by id desc")
			.param(releaseId)
			.query((rs, n) -> new Decision(rs.getLong("id"), rs.getString("decision"), rs.getString("note"),
					rs.getLong("decided_by"), rs.getObject("decided_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	/**
	 * A text that changes whenever an item of the product is added, changed (every status
	 * change stamps the item) or deleted: their count and latest change.
	 */
	String itemsFingerprint(String productKey) {
		return jdbc.sql("""
				select count(*), max(i.updated_at) from items i join products p on p.id = i.product_id
				where p.product_key = ?""")
			.param(productKey)
			.query((rs, n) -> rs.getLong(1) + "/" + (rs.getTimestamp(2) == null ? 0 : rs.getTimestamp(2).getTime())
					+ "/" + (rs.getTimestamp(2) == null ? 0 : rs.getTimestamp(2).getNanos()))
			.single();
	}

	/** Status changes of the product's items since {@code from}, oldest first. */
	List<StatusChange> statusChanges(String productKey, Instant from) {
		return jdbc.sql("""
				select p.product_key || '-' || cast(i.item_number as varchar(20)), h.new_value, h.changed_at
				from item_history h join items i on i.id = h.item_id join products p on p.id = i.product_id
				where p.product_key = ? and h.field = 'status' and h.changed_at >= ? order by h.changed_at, h.id""")
			.params(productKey, utc(from))
			.query((rs, n) -> new StatusChange(rs.getString(1), rs.getString(2),
					rs.getObject(3, OffsetDateTime.class).toInstant()))
			.list();
	}

	/** A change of a field of an item (from and to as text). */
	record FieldChange(String itemKey, String from, String to, Instant at) {
	}

	List<FieldChange> fieldChanges(String productKey, String field) {
		return jdbc
			.sql("""
					select p.product_key || '-' || cast(i.item_number as varchar(20)), h.old_value, h.new_value, h.changed_at
					from item_history h join items i on i.id = h.item_id join products p on p.id = i.product_id
					where p.product_key = ? and h.field = ? order by h.changed_at, h.id""")
			.params(productKey, field)
			.query((rs, n) -> new FieldChange(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, OffsetDateTime.class).toInstant()))
			.list();
	}

	/** An item's creation (as NEW) and type, for flow charts. */
	record Created(String itemKey, Instant at) {
	}

	List<Created> created(String productKey) {
		return jdbc.sql("""
				select p.product_key || '-' || cast(i.item_number as varchar(20)), i.created_at from items i
				join products p on p.id = i.product_id where p.product_key = ? and i.item_type <> 'EPIC'""")
			.param(productKey)
			.query((rs, n) -> new Created(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant()))
			.list();
	}

	/** Sprint names with their runs, oldest first. */
	List<Object[]> runHistory(String productKey) {
		return jdbc
			.sql("""
					select s.name, r.committed, r.completed, s.release_id, r.closed_at from sprint_runs r join sprints s on s.id = r.sprint_id
					where s.product_key = ? and r.state = 'CLOSED' order by r.closed_at""")
			.param(productKey)
			.query((rs,
					n) -> new Object[] { rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3),
							rs.getObject(4, Long.class), rs.getObject(5, OffsetDateTime.class).toInstant() })
			.list();
	}

	private static Run run(ResultSet rs, int n) throws SQLException {
		OffsetDateTime closed = rs.getObject("closed_at", OffsetDateTime.class);
		return new Run(rs.getLong("sprint_id"), rs.getString("state"), rs.getBigDecimal("committed"),
				rs.getBigDecimal("completed"), rs.getObject("started_at", OffsetDateTime.class).toInstant(),
				closed == null ? null : closed.toInstant());
	}

	private static OffsetDateTime utc(Instant t) {
		return t.atOffset(ZoneOffset.UTC);
	}

	/** An item a customer asked for (its feedback links to it), with its status name. */
	record AskedItem(String customer, String key, String status) {
	}

	/** The items each customer of the product asked for, by customer id. */
	java.util.Map<Long, List<AskedItem>> customerItems(String productKey) {
		java.util.Map<Long, List<AskedItem>> result = new java.util.LinkedHashMap<>();
		jdbc.sql("""
				select distinct c.id, c.name, i.item_number, i.status from feedback_links l
				join feedback f on f.id = l.feedback_id join customers c on c.id = f.customer_id
				join items i on i.id = l.item_id join products p on p.id = i.product_id
				where f.product_key = ? and p.product_key = ? order by c.id, i.item_number""")
			.params(productKey, productKey)
			.query((rs, n) -> result.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>())
				.add(new AskedItem(rs.getString(2), productKey + "-" + rs.getLong(3), rs.getString(4))))
			.list();
		return result;
	}

}
