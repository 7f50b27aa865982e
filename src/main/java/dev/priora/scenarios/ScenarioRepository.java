package dev.priora.scenarios;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
 * Scenarios ({@code scenarios}, {@code scenario_changes}) and their last results
 * ({@code scenario_results}, {@code scenario_result_releases},
 * {@code scenario_result_items}).
 */
@Repository
class ScenarioRepository {

	/** A scenario's row; its changes are read apart. */
	record Row(long id, String productKey, String name, ScenarioCommand.Value value, double discount,
			int timeLimitSeconds, String jobId, long version, Instant createdAt, Instant updatedAt) {
	}

	private final JdbcClient jdbc;

	ScenarioRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String productKey, ScenarioCommand c, long user, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into scenarios (product_key, name, value_mode, discount, time_limit_seconds, created_by,
				                       created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(productKey, c.name(), c.value().name(), BigDecimal.valueOf(c.discount()), c.timeLimitSeconds(),
					user, utc(now), utc(now))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		insertChanges(id, c.changes());
		return id;
	}

	/**
	 * Replaces the scenario's settings and changes if it is still at {@code version}, and
	 * forgets its run and result; false when the version is stale.
	 */
	boolean update(long id, long version, ScenarioCommand c, Instant now) {
		int n = jdbc.sql("""
				update scenarios set name = ?, value_mode = ?, discount = ?, time_limit_seconds = ?, job_id = null,
				       version = version + 1, updated_at = ?
				where id = ? and version = ?""")
			.params(c.name(), c.value().name(), BigDecimal.valueOf(c.discount()), c.timeLimitSeconds(), utc(now), id,
					version)
			.update();
		if (n == 0) {
			return false;
		}
		jdbc.sql("delete from scenario_changes where scenario_id = ?").param(id).update();
		insertChanges(id, c.changes());
		deleteResult(id);
		return true;
	}

	private void insertChanges(long id, List<ScenarioChange> changes) {
		for (int i = 0; i < changes.size(); i++) {
			ScenarioChange c = changes.get(i);
			jdbc.sql("""
					insert into scenario_changes (scenario_id, position, kind, member_id, sprint_id, release_id,
					                              from_date, days, capacity)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(id, i, c.kind().name(), c.memberId(), c.sprintId(), c.releaseId(),
						c.from() == null ? null : Date.valueOf(c.from()), c.days(), c.capacity())
				.update();
		}
	}

	/** Holds the scenario's row for the rest of the transaction. */
	Optional<Row> lock(String productKey, long id) {
		return jdbc.sql("select * from scenarios where product_key = ? and id = ? for update")
			.params(productKey, id)
			.query(ScenarioRepository::row)
			.optional();
	}

	Optional<Row> find(String productKey, long id) {
		return jdbc.sql("select * from scenarios where product_key = ? and id = ?")
			.params(productKey, id)
			.query(ScenarioRepository::row)
			.optional();
	}

	List<Row> list(String productKey) {
		return jdbc.sql("select * from scenarios where product_key = ? order by lower(name), id")
			.param(productKey)
			.query(ScenarioRepository::row)
			.list();
	}

	boolean nameTaken(String productKey, String name, long except) {
		return jdbc.sql("select count(*) from scenarios where product_key = ? and lower(name) = lower(?) and id <> ?")
			.params(productKey, name, except)
			.query(Long.class)
			.single() > 0;
	}

	/** The changes of these scenarios, in order, by scenario id. */
	Map<Long, List<ScenarioChange>> changes(Collection<Long> ids) {
		Map<Long, List<ScenarioChange>> byId = new HashMap<>();
		if (ids.isEmpty()) {
			return byId;
		}
		jdbc.sql("select * from scenario_changes where scenario_id in (:ids) order by scenario_id, position")
			.param("ids", ids)
			.query((rs, n) -> {
				Date from = rs.getDate("from_date");
				byId.computeIfAbsent(rs.getLong("scenario_id"), k -> new ArrayList<>())
					.add(new ScenarioChange(ScenarioChange.Kind.valueOf(rs.getString("kind")),
							rs.getObject("member_id", Long.class), rs.getObject("sprint_id", Long.class),
							rs.getObject("release_id", Long.class), from == null ? null : from.toLocalDate(),
							rs.getObject("days", Integer.class), rs.getBigDecimal("capacity")));
				return null;
			})
			.list();
		return byId;
	}

	void runAs(long id, String jobId) {
		jdbc.sql("update scenarios set job_id = ? where id = ?").params(jobId, id).update();
	}

	void delete(long id) {
		jdbc.sql("delete from scenarios where id = ?").param(id).update();
	}

	void deleteResult(long id) {
		jdbc.sql("delete from scenario_result_items where scenario_id = ?").param(id).update();
		jdbc.sql("delete from scenario_result_releases where scenario_id = ?").param(id).update();
		jdbc.sql("delete from scenario_results where scenario_id = ?").param(id).update();
	}

	/** Writes the result, replacing the last one. */
	void saveResult(long id, ScenarioView.Outcome o) {
		deleteResult(id);
		jdbc.sql("""
				insert into scenario_results (scenario_id, ran_at, plan_value, bound, optimal, gap_percent, seconds,
				                              board_value, notes)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, utc(o.ranAt()), o.value(), o.bound(), o.optimal(), BigDecimal.valueOf(o.gapPercent()),
					BigDecimal.valueOf(o.seconds()), o.boardValue(), String.join("\n", o.notes()))
			.update();
		for (int k = 0; k < o.releases().size(); k++) {
			ScenarioView.ReleaseOutcome r = o.releases().get(k);
			jdbc.sql("""
					insert into scenario_result_releases (scenario_id, position, release_id, name, target_date,
					       capacity, used, items, p50_date, p85_date, p95_date, probability, flag)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(id, k, r.releaseId(), r.name(), date(r.targetDate()), r.capacity(), r.used(), r.items(),
						date(r.p50Date()), date(r.p85Date()), date(r.p95Date()), r.probability(), r.flag())
				.update();
		}
		for (ScenarioView.PlacedItem i : o.items()) {
			jdbc.sql(
					"insert into scenario_result_items (scenario_id, item_id, release_id, item_value) values (?, ?, ?, ?)")
				.params(id, i.itemId(), i.releaseId(), i.value())
				.update();
		}
	}

	/**
	 * The last results of these scenarios, by scenario id. The result rows are read
	 * first: a run writes them with its releases and items in one transaction, so once a
	 * result is seen, its releases and items are there too (a read racing the run's
	 * commit never shows a result without them).
	 */
	Map<Long, ScenarioView.Outcome> results(Collection<Long> ids) {
		Map<Long, ScenarioView.Outcome> byId = new HashMap<>();
		if (ids.isEmpty()) {
			return byId;
		}
		Map<Long, ScenarioView.Outcome> heads = new HashMap<>();
		jdbc.sql("select * from scenario_results where scenario_id in (:ids)").param("ids", ids).query((rs, n) -> {
			String notes = rs.getString("notes");
			heads.put(rs.getLong("scenario_id"),
					new ScenarioView.Outcome(instant(rs, "ran_at"), rs.getLong("plan_value"), rs.getLong("bound"),
							rs.getBoolean("optimal"), rs.getBigDecimal("gap_percent").doubleValue(),
							rs.getBigDecimal("seconds").doubleValue(), rs.getLong("board_value"), List.of(), List.of(),
							notes.isEmpty() ? List.of() : List.of(notes.split("\n"))));
			return null;
		}).list();
		if (heads.isEmpty()) {
			return byId;
		}
		Map<Long, List<ScenarioView.ReleaseOutcome>> releases = new HashMap<>();
		Map<Long, Map<Long, String>> names = new HashMap<>();
		jdbc.sql("select * from scenario_result_releases where scenario_id in (:ids) order by scenario_id, position")
			.param("ids", heads.keySet())
			.query((rs, n) -> {
				long s = rs.getLong("scenario_id");
				Double p = rs.getObject("probability", Double.class);
				releases.computeIfAbsent(s, k -> new ArrayList<>())
					.add(new ScenarioView.ReleaseOutcome(rs.getLong("release_id"), rs.getString("name"),
							date(rs, "target_date"), rs.getBigDecimal("capacity"), rs.getBigDecimal("used"),
							rs.getInt("items"), date(rs, "p50_date"), date(rs, "p85_date"), date(rs, "p95_date"), p,
							rs.getString("flag")));
				names.computeIfAbsent(s, k -> new HashMap<>()).put(rs.getLong("release_id"), rs.getString("name"));
				return null;
			})
			.list();
		Map<Long, List<ScenarioView.PlacedItem>> items = new HashMap<>();
		jdbc.sql("""
				select r.scenario_id, r.item_id, r.release_id, r.item_value, p.product_key, i.item_number, i.title,
				       i.estimate
				from scenario_result_items r join items i on i.id = r.item_id join products p on p.id = i.product_id
				where r.scenario_id in (:ids) order by r.scenario_id, i.item_number""")
			.param("ids", heads.keySet())
			.query((rs, n) -> {
				long s = rs.getLong("scenario_id");
				long release = rs.getLong("release_id");
				items.computeIfAbsent(s, k -> new ArrayList<>())
					.add(new ScenarioView.PlacedItem(rs.getLong("item_id"),
							rs.getString("product_key") + "-" + rs.getLong("item_number"), rs.getString("title"),
							rs.getBigDecimal("estimate"), rs.getLong("item_value"), release,
							names.getOrDefault(s, Map.of()).get(release)));
				return null;
			})
			.list();
		heads.forEach((s, o) -> byId.put(s,
				new ScenarioView.Outcome(o.ranAt(), o.value(), o.bound(), o.optimal(), o.gapPercent(), o.seconds(),
						o.boardValue(), releases.getOrDefault(s, List.of()), items.getOrDefault(s, List.of()),
						o.notes())));
		return byId;
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong("id"), rs.getString("product_key"), rs.getString("name"),
				ScenarioCommand.Value.valueOf(rs.getString("value_mode")), rs.getBigDecimal("discount").doubleValue(),
				rs.getInt("time_limit_seconds"), rs.getString("job_id"), rs.getLong("version"),
				instant(rs, "created_at"), instant(rs, "updated_at"));
	}

	private static LocalDate date(ResultSet rs, String c) throws SQLException {
		Date d = rs.getDate(c);
		return d == null ? null : d.toLocalDate();
	}

	private static Date date(LocalDate d) {
		return d == null ? null : Date.valueOf(d);
	}

	private static Instant instant(ResultSet rs, String c) throws SQLException {
		OffsetDateTime t = rs.getObject(c, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}

	private static OffsetDateTime utc(Instant t) {
		return t.atOffset(ZoneOffset.UTC);
	}

}
