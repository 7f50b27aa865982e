package dev.priora.planning;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Releases, sprints, item assignments and optimizer runs. */
@Repository
class PlanningRepository {

	record ReleaseRow(long id, String name, LocalDate targetDate, BigDecimal capacity, boolean fromSprints,
			ReleaseStatus status, long version) {
	}

	record Assignment(long itemId, Long releaseId, Long sprintId) {
	}

	/**
	 * A plan: its run is the job {@code jobId} (state, cancel, result, problem); the row
	 * keeps the live progress and, once applied, {@code APPLIED} as its state and what it
	 * replaced.
	 */
	record PlanRow(long id, String productKey, String name, String state, String settings, Long bestValue, Long bound,
			BigDecimal elapsed, String jobId, String previous, Instant createdAt, Instant appliedAt, Instant undoneAt) {
	}

	private final JdbcClient jdbc;

	PlanningRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<ReleaseRow> releases(String productKey) {
		return jdbc
			.sql("select * from releases where product_key = ? order by coalesce(target_date, date '9999-12-31'), id")
			.param(productKey)
			.query(PlanningRepository::release)
			.list();
	}

	Optional<ReleaseRow> release(String productKey, long id) {
		return jdbc.sql("select * from releases where product_key = ? and id = ?")
			.params(productKey, id)
			.query(PlanningRepository::release)
			.optional();
	}

	boolean releaseNameTaken(String productKey, String name, long except) {
		return jdbc.sql("select count(*) from releases where product_key = ? and lower(name) = lower(?) and id <> ?")
			.params(productKey, name, except)
			.query(Long.class)
			.single() > 0;
	}

	long insertRelease(String productKey, String name, LocalDate target, BigDecimal capacity, boolean fromSprints,
			Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql(
				"""
						insert into releases (product_key, name, target_date, capacity, capacity_from_sprints, created_at, updated_at)
						values (?, ?, ?, ?, ?, ?, ?)""")
			.params(productKey, name, date(target), capacity, fromSprints, utc(now), utc(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	boolean updateRelease(long id, String name, LocalDate target, BigDecimal capacity, boolean fromSprints,
			ReleaseStatus status, long version, Instant now) {
		return jdbc.sql("""
				update releases set name = ?, target_date = ?, capacity = ?, capacity_from_sprints = ?, status = ?,
				  updated_at = ?, version = version + 1 where id = ? and version = ?""")
			.params(name, date(target), capacity, fromSprints, status.name(), utc(now), id, version)
			.update() == 1;
	}

	void deleteRelease(long id) {
		jdbc.sql("delete from releases where id = ?").param(id).update();
	}

	List<SprintView> sprints(String productKey) {
		return jdbc.sql("select * from sprints where product_key = ? order by start_date, id")
			.param(productKey)
			.query(PlanningRepository::sprint)
			.list();
	}

	Optional<SprintView> sprint(String productKey, long id) {
		return jdbc.sql("select * from sprints where product_key = ? and id = ?")
			.params(productKey, id)
			.query(PlanningRepository::sprint)
			.optional();
	}

	long insertSprint(String productKey, String name, LocalDate start, LocalDate end, BigDecimal capacity, String goal,
			Long releaseId, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql(
				"""
						insert into sprints (product_key, name, start_date, end_date, capacity, goal, release_id, created_at, updated_at)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(productKey, name, date(start), date(end), capacity, goal, releaseId, utc(now), utc(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void deleteSprint(long id) {
		jdbc.sql("delete from sprints where id = ?").param(id).update();
	}

	boolean sprintNameTaken(String productKey, String name) {
		return jdbc.sql("select count(*) from sprints where product_key = ? and lower(name) = lower(?)")
			.params(productKey, name)
			.query(Long.class)
			.single() > 0;
	}

	/** Assignments of the product's items, by item id. */
	/**
	 * The product's started sprints that are not closed yet. Sprint runs are
	 * {@code progress}'s table; planning only reads it, here.
	 */
	java.util.Set<Long> startedSprints(String productKey) {
		return new java.util.HashSet<>(jdbc.sql("""
				select r.sprint_id from sprint_runs r join sprints s on s.id = r.sprint_id
				where s.product_key = ? and r.state = 'ACTIVE'""").param(productKey).query(Long.class).list());
	}

	Map<Long, Assignment> assignments(String productKey) {
		Map<Long, Assignment> result = new HashMap<>();
		jdbc.sql("""
				select a.item_id, a.release_id, a.sprint_id from planned_items a join items i on i.id = a.item_id
				join products p on p.id = i.product_id where p.product_key = ?""")
			.param(productKey)
			.query((rs, n) -> result.put(rs.getLong(1),
					new Assignment(rs.getLong(1), (Long) rs.getObject(2, Long.class),
							(Long) rs.getObject(3, Long.class))))
			.list();
		return result;
	}

	/** The item's id, by its number in the product. */
	Optional<Long> itemId(String productKey, long number) {
		return jdbc.sql("""
				select i.id from items i join products p on p.id = i.product_id
				where p.product_key = ? and i.item_number = ?""")
			.params(productKey, number)
			.query(Long.class)
			.optional();
	}

	/** Where the item is planned (release and sprint both null: unplanned). */
	Assignment assignment(long itemId) {
		return jdbc.sql("select release_id, sprint_id from planned_items where item_id = ?")
			.param(itemId)
			.query((rs, n) -> new Assignment(itemId, (Long) rs.getObject(1, Long.class),
					(Long) rs.getObject(2, Long.class)))
			.optional()
			.orElse(new Assignment(itemId, null, null));
	}

	/** Where the product's items with these numbers are planned, by item number. */
	Map<Long, Assignment> assignmentsByNumber(String productKey, java.util.Collection<Long> numbers) {
		Map<Long, Assignment> result = new HashMap<>();
		if (numbers.isEmpty()) {
			return result;
		}
		jdbc.sql("""
				select i.item_number, a.item_id, a.release_id, a.sprint_id from planned_items a
				join items i on i.id = a.item_id join products p on p.id = i.product_id
				where p.product_key = :key and i.item_number in (:numbers)""")
			.param("key", productKey)
			.param("numbers", List.copyOf(numbers))
			.query((rs, n) -> result.put(rs.getLong(1),
					new Assignment(rs.getLong(2), (Long) rs.getObject(3, Long.class),
							(Long) rs.getObject(4, Long.class))))
			.list();
		return result;
	}

	/**
	 * The product's closed sprints (a closed run in {@code progress}'s
	 * {@code sprint_runs}, read here only).
	 */
	java.util.Set<Long> closedSprints(String productKey) {
		return new java.util.HashSet<>(jdbc.sql("""
				select r.sprint_id from sprint_runs r join sprints s on s.id = r.sprint_id
				where s.product_key = ? and r.state = 'CLOSED'""").param(productKey).query(Long.class).list());
	}

	/**
	 * Each sprint's state: its run's ({@code ACTIVE}, {@code CLOSED}), else
	 * {@code PLANNED}.
	 */
	Map<Long, String> sprintStates(String productKey) {
		Map<Long, String> states = new java.util.LinkedHashMap<>();
		jdbc.sql("""
				select s.id, coalesce(r.state, 'PLANNED') as state from sprints s
				left join sprint_runs r on r.sprint_id = s.id where s.product_key = ? order by s.start_date, s.id""")
			.param(productKey)
			.query((rs, n) -> Map.entry(rs.getLong("id"), rs.getString("state")))
			.list()
			.forEach(e -> states.put(e.getKey(), e.getValue()));
		return states;
	}

	boolean sprintClosed(long sprintId) {
		return jdbc.sql("select count(*) from sprint_runs where sprint_id = ? and state = 'CLOSED'")
			.param(sprintId)
			.query(Long.class)
			.single() > 0;
	}

	List<PlanningService.AssignmentChange> assignmentLog(String productKey) {
		return jdbc.sql("""
				select l.item_id, l.release_id, l.sprint_id, l.changed_at from assignment_log l
				join items i on i.id = l.item_id join products p on p.id = i.product_id
				where p.product_key = ? order by l.changed_at, l.id""")
			.param(productKey)
			.query((rs, n) -> new PlanningService.AssignmentChange(rs.getLong(1), (Long) rs.getObject(2, Long.class),
					(Long) rs.getObject(3, Long.class), rs.getObject(4, java.time.OffsetDateTime.class).toInstant()))
			.list();
	}

	void assign(long itemId, Long releaseId, Long sprintId, long user, Instant now) {
		var before = jdbc.sql("select release_id, sprint_id from planned_items where item_id = ?")
			.param(itemId)
			.query((rs, n) -> new Long[] { (Long) rs.getObject(1, Long.class), (Long) rs.getObject(2, Long.class) })
			.optional()
			.orElse(new Long[2]);
		if (!java.util.Objects.equals(before[0], releaseId) || !java.util.Objects.equals(before[1], sprintId)) {
			jdbc.sql("insert into assignment_log (item_id, release_id, sprint_id, changed_at) values (?, ?, ?, ?)")
				.params(itemId, releaseId, sprintId, utc(now))
				.update();
		}
		jdbc.sql("delete from planned_items where item_id = ?").param(itemId).update();
		if (releaseId != null || sprintId != null) {
			jdbc.sql(
					"insert into planned_items (item_id, release_id, sprint_id, updated_at, updated_by) values (?, ?, ?, ?, ?)")
				.params(itemId, releaseId, sprintId, utc(now), user)
				.update();
		}
	}

	long insertPlan(String productKey, String name, String settings, long user, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into release_plans (product_key, name, state, settings, created_by, created_at)
				values (?, ?, 'RUN', ?, ?, ?)""").params(productKey, name, settings, user, utc(now)).update(keys, "id");
		return keys.getKey().longValue();
	}

	void runAs(long id, String jobId) {
		jdbc.sql("update release_plans set job_id = ? where id = ?").params(jobId, id).update();
	}

	Optional<PlanRow> planOfJob(String jobId) {
		return jdbc.sql("select * from release_plans where job_id = ?")
			.param(jobId)
			.query(PlanningRepository::plan)
			.optional();
	}

	Optional<PlanRow> plan(String productKey, long id) {
		return jdbc.sql("select * from release_plans where product_key = ? and id = ?")
			.params(productKey, id)
			.query(PlanningRepository::plan)
			.optional();
	}

	List<PlanRow> plans(String productKey) {
		return jdbc.sql("select * from release_plans where product_key = ? order by id desc limit 50")
			.param(productKey)
			.query(PlanningRepository::plan)
			.list();
	}

	void progress(long id, Long best, Long bound, double seconds) {
		jdbc.sql("update release_plans set best_value = ?, bound = ?, elapsed_seconds = ? where id = ?")
			.params(best, bound == null || bound == Long.MAX_VALUE ? null : bound, BigDecimal.valueOf(seconds), id)
			.update();
	}

	void applied(long id, String previous, Instant now) {
		jdbc.sql("update release_plans set state = 'APPLIED', previous = ?, applied_at = ? where id = ?")
			.params(previous, utc(now), id)
			.update();
	}

	void undone(long id, Instant now) {
		jdbc.sql("update release_plans set state = 'RUN', undone_at = ? where id = ?").params(utc(now), id).update();
	}

	/**
	 * Customers of the product and the items their feedback is linked to (customer
	 * value).
	 */
	Map<Long, List<Long>> customerRequests(String productKey) {
		Map<Long, List<Long>> result = new HashMap<>();
		jdbc.sql("""
				select distinct f.customer_id, l.item_id from feedback_links l join feedback f on f.id = l.feedback_id
				where f.product_key = ? and f.customer_id is not null""")
			.param(productKey)
			.query((rs, n) -> result.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>())
				.add(rs.getLong(2)))
			.list();
		return result;
	}

	/**
	 * A customer's profit for planning: its weight, else its revenue in thousands, else
	 * 1.
	 */
	Map<Long, Long> customerProfits(String productKey) {
		Map<Long, Long> result = new HashMap<>();
		jdbc.sql("select id, weight, revenue_amount from customers where product_key = ?")
			.param(productKey)
			.query((rs, n) -> {
				BigDecimal weight = rs.getBigDecimal(2);
				BigDecimal revenue = rs.getBigDecimal(3);
				long profit = weight != null ? Math.max(1, weight.longValue())
						: revenue != null ? Math.max(1, revenue.longValue() / 1000) : 1;
				return result.put(rs.getLong(1), profit);
			})
			.list();
		return result;
	}

	private static ReleaseRow release(ResultSet rs, int n) throws SQLException {
		Date d = rs.getDate("target_date");
		return new ReleaseRow(rs.getLong("id"), rs.getString("name"), d == null ? null : d.toLocalDate(),
				rs.getBigDecimal("capacity"), rs.getBoolean("capacity_from_sprints"),
				ReleaseStatus.valueOf(rs.getString("status")), rs.getLong("version"));
	}

	private static SprintView sprint(ResultSet rs, int n) throws SQLException {
		return new SprintView(rs.getLong("id"), rs.getString("name"), rs.getDate("start_date").toLocalDate(),
				rs.getDate("end_date").toLocalDate(), rs.getBigDecimal("capacity"), rs.getString("goal"),
				(Long) rs.getObject("release_id", Long.class), rs.getLong("version"));
	}

	private static PlanRow plan(ResultSet rs, int n) throws SQLException {
		return new PlanRow(rs.getLong("id"), rs.getString("product_key"), rs.getString("name"), rs.getString("state"),
				rs.getString("settings"), (Long) rs.getObject("best_value", Long.class),
				(Long) rs.getObject("bound", Long.class), rs.getBigDecimal("elapsed_seconds"), rs.getString("job_id"),
				rs.getString("previous"), instant(rs, "created_at"), instant(rs, "applied_at"),
				instant(rs, "undone_at"));
	}

	private static Instant instant(ResultSet rs, String c) throws SQLException {
		OffsetDateTime t = rs.getObject(c, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}

	private static Date date(LocalDate d) {
		return d == null ? null : Date.valueOf(d);
	}

	private static OffsetDateTime utc(Instant t) {
		return t.atOffset(ZoneOffset.UTC);
	}

}
