package dev.priora.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

/**
 * Every row of every table of the application's schema, as sorted text per table, so that
 * two snapshots compare equal exactly when no row was added, removed or changed.
 * Sessions, the migration history, the scheduler's executions (recurring tasks reschedule
 * themselves), rate-limit counters, token use times, derived sentence vectors and the
 * releases' forecast flags with the requests to compute them (a background task's) and
 * the live updates' change table (pruned every minute) are left out: they change without
 * anyone changing data; so do the background columns below.
 */
public record DatabaseSnapshot(Map<String, List<String>> tables) {

	private static final Set<String> SKIPPED_TABLES = Set.of("spring_session", "spring_session_attributes",
			"flyway_schema_history", "scheduled_tasks", "rate_limits", "item_vectors", "item_vector_codes",
			"feedback_vector_codes", "release_flags", "release_flag_requests", "live_events", "themes",
			"theme_feedback", "theme_spikes");

	/**
	 * Columns a background run changes: the outboxes' delivery progress (a webhook an
	 * earlier test queued to a closed port is retried for hours) and a job's progress and
	 * end (an earlier test's job may still be finishing). A row added to these tables
	 * still counts.
	 */
	private static final Set<String> SKIPPED_COLUMNS = Set.of("api_tokens.last_used_at", "feedback.embedding",
			"webhook_deliveries.state", "webhook_deliveries.attempts", "webhook_deliveries.next_attempt_at",
			"webhook_deliveries.last_attempt_at", "webhook_deliveries.last_status", "webhook_deliveries.last_error",
			"webhook_deliveries.delivered_at", "mail_outbox.state", "mail_outbox.attempts",
			"mail_outbox.next_attempt_at", "mail_outbox.lease_until", "mail_outbox.last_error", "mail_outbox.sent_at",
			"jobs.state", "jobs.done", "jobs.total", "jobs.result", "jobs.problem", "jobs.node", "jobs.started_at",
			"jobs.finished_at");

	/**
	 * The snapshot once no background job is queued or running (an earlier test's import
	 * writes its rows when it ends; its uploaded input is deleted then).
	 */
	public static DatabaseSnapshot ofSettled(DataSource dataSource) {
		// a themes refresh (30 s after feedback arrived) may queue a recompute job; one
		// still waiting for sentence vectors after two minutes is left to the check below
		try {
			Eventually.within(Duration.ofSeconds(120))
				.alias("no themes refresh scheduled")
				.until(() -> count(dataSource,
						"select count(*) from scheduled_tasks where task_name = 'themes-refresh'"), n -> n == 0);
		}
		catch (org.awaitility.core.ConditionTimeoutException e) {
			// not settled: compare anyway
		}
		Eventually.within(Duration.ofSeconds(120))
			.alias("no job queued or running")
			.until(() -> count(dataSource, "select count(*) from jobs where state in ('QUEUED', 'RUNNING')"),
					n -> n == 0);
		return of(dataSource);
	}

	private static long count(DataSource dataSource, String sql) {
		try (Connection c = dataSource.getConnection();
				Statement s = c.createStatement();
				ResultSet rs = s.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
		catch (SQLException e) {
			throw new IllegalStateException("could not read the database", e);
		}
	}

	public static DatabaseSnapshot of(DataSource dataSource) {
		Map<String, List<String>> tables = new TreeMap<>();
		try (Connection c = dataSource.getConnection()) {
			for (String table : tables(c)) {
				tables.put(table, rows(c, table));
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("could not read the database", e);
		}
		return new DatabaseSnapshot(tables);
	}

	/** The tables whose rows differ from the other snapshot's, each with what changed. */
	public List<String> differencesFrom(DatabaseSnapshot before) {
		List<String> differences = new ArrayList<>();
		Set<String> names = new TreeSet<>(tables.keySet());
		names.addAll(before.tables.keySet());
		for (String table : names) {
			List<String> now = tables.getOrDefault(table, List.of());
			List<String> then = before.tables.getOrDefault(table, List.of());
			if (!now.equals(then)) {
				List<String> added = new ArrayList<>(now);
				added.removeAll(then);
				List<String> removed = new ArrayList<>(then);
				removed.removeAll(now);
				differences.add(table + ": added " + added + ", removed " + removed);
			}
		}
		return differences;
	}

	private static List<String> tables(Connection c) throws SQLException {
		List<String> names = new ArrayList<>();
		try (ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] { "TABLE", "BASE TABLE" })) {
			while (rs.next()) {
				String schema = rs.getString("TABLE_SCHEM");
				String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
				if (schema != null && schema.equalsIgnoreCase("public") && !SKIPPED_TABLES.contains(name)) {
					names.add(name);
				}
			}
		}
		return names;
	}

	private static List<String> rows(Connection c, String table) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select * from " + table)) {
			ResultSetMetaData meta = rs.getMetaData();
			while (rs.next()) {
				StringBuilder row = new StringBuilder();
				for (int i = 1; i <= meta.getColumnCount(); i++) {
					String column = meta.getColumnName(i).toLowerCase(Locale.ROOT);
					if (SKIPPED_COLUMNS.contains(table + "." + column)) {
						continue;
					}
					Object value = rs.getObject(i);
					row.append(column)
						.append('=')
						.append(value instanceof byte[] b ? Arrays.toString(b) : String.valueOf(value))
						.append(' ');
				}
				rows.add(row.toString());
			}
		}
		rows.sort(null);
		return rows;
	}

}
