package dev.priora.planning;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Optimizer plans ({@code release_plans}: settings, live progress, the run's job, and
 * once applied what it replaced) and what the optimizer reads of {@code feedback}'s
 * tables for customer value (read only).
 */
@Repository
class ReleasePlanRepository {

	/**
	 * A plan: its run is the job {@code jobId} (state, cancel, result, problem); the row
	 * keeps the live progress and, once applied, {@code APPLIED} as its state and what it
	 * replaced.
	 */
	record PlanRow(long id, String productKey, String name, String state, String settings, Long bestValue, Long bound,
			BigDecimal elapsed, String jobId, String previous, Instant createdAt, Instant appliedAt, Instant undoneAt) {
	}

	private final JdbcClient jdbc;

	ReleasePlanRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
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

	Optional<PlanRow> plan(String productKey, long id) {
		return jdbc.sql("select * from release_plans where product_key = ? and id = ?")
			.params(productKey, id)
			.query(ReleasePlanRepository::plan)
			.optional();
	}

	List<PlanRow> plans(String productKey) {
		return jdbc.sql("select * from release_plans where product_key = ? order by id desc limit 50")
			.param(productKey)
			.query(ReleasePlanRepository::plan)
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
			.query((rs, n) -> result.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2)))
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

	private static OffsetDateTime utc(Instant t) {
		return t.atOffset(ZoneOffset.UTC);
	}

}
