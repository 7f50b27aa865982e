package dev.priora.planning;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Releases, sprints and item assignments ({@code planned_items}, with every change in
 * {@code assignment_log}); optimizer plans are in {@link ReleasePlanRepository}.
 */
@Repository
class PlanningRepository {

	record ReleaseRow(long id, String name, LocalDate targetDate, BigDecimal capacity, boolean fromSprints,
			ReleaseStatus status, long version) {
	}

	record Assignment(long itemId, Long releaseId, Long sprintId) {
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

	/**
	 * Whether another sprint of the product ({@code except} aside, may be null) has the
	 * name.
	 */
	boolean sprintNameTaken(String productKey, String name, Long except) {
		return jdbc.sql("select count(*) from sprints where product_key = ? and lower(name) = lower(?) and id <> ?")
			.params(productKey, name, except == null ? -1L : except)
			.query(Long.class)
			.single() > 0;
	}

	boolean updateSprint(long id, String name, LocalDate start, LocalDate end, BigDecimal capacity, String goal,
			long version, Instant now) {
		return jdbc.sql("""
				update sprints set name = ?, start_date = ?, end_date = ?, capacity = ?, goal = ?, updated_at = ?,
				  version = version + 1 where id = ? and version = ?""")
			.params(name, date(start), date(end), capacity, goal, utc(now), id, version)
			.update() == 1;
	}

	/**
	 * The product's started sprints that are not closed yet. Sprint runs are
	 * {@code progress}'s table; planning only reads it, here.
	 */
	Set<Long> startedSprints(String productKey) {
		return new HashSet<>(jdbc.sql("""
				select r.sprint_id from sprint_runs r join sprints s on s.id = r.sprint_id
				where s.product_key = ? and r.state = 'ACTIVE'""").param(productKey).query(Long.class).list());
	}

	/** Assignments of the product's items, by item id. */
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
	Map<Long, Assignment> assignmentsByNumber(String productKey, Collection<Long> numbers) {
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
	Set<Long> closedSprints(String productKey) {
		return new HashSet<>(jdbc.sql("""
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
					(Long) rs.getObject(3, Long.class), rs.getObject(4, OffsetDateTime.class).toInstant()))
			.list();
	}

	void assign(long itemId, Long releaseId, Long sprintId, long user, Instant now) {
		var before = jdbc.sql("select release_id, sprint_id from planned_items where item_id = ?")
			.param(itemId)
			.query((rs, n) -> new Long[] { (Long) rs.getObject(1, Long.class), (Long) rs.getObject(2, Long.class) })
			.optional()
			.orElse(new Long[2]);
		if (!Objects.equals(before[0], releaseId) || !Objects.equals(before[1], sprintId)) {
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

	private static Date date(LocalDate d) {
		return d == null ? null : Date.valueOf(d);
	}

	private static OffsetDateTime utc(Instant t) {
		return t.atOffset(ZoneOffset.UTC);
	}

}
