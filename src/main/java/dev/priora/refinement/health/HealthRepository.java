package dev.priora.refinement.health;

import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The health settings and daily scores ({@code health_settings}, {@code health_scores}),
 * and what the findings read, read only: the backlog's {@code items},
 * {@code acceptance_criteria}, {@code item_dependencies} and {@code item_history}, the
 * feedback module's {@code item_vectors}, {@code feedback} and {@code feedback_links}.
 * One statement per kind of finding, each bounded by a limit: never one per item.
 */
@Repository
class HealthRepository {

	/** The statuses of an open item: not done, not rejected. */
	private static final String OPEN = "i.status in ('NEW', 'READY', 'IN_PROGRESS')";

	private static final String NO_CRITERIA = "not exists (select 1 from acceptance_criteria ac where ac.item_id = i.id)";

	private static final String NO_CHILDREN = "not exists (select 1 from items c where c.parent_id = i.id"
			+ " and c.status <> 'REJECTED')";

	private static final String ITEM = "select i.id, i.item_number, i.title, i.status, i.updated_at from items i";

	/**
	 * An item as a finding lists it; {@code at} is when it was last changed or started.
	 */
	record ItemRow(long id, long number, String title, String status, Instant at) {
	}

	/** How many open items there are, and how many of them fall short by kind. */
	record Counts(int open, int openWork, int unestimated, int noCriteria, int stale, int inProgress, int openEpics,
			int emptyEpics) {
	}

	/** A stored sentence vector of an item or a feedback ({@code number}: 0 for one). */
	record Vector(long id, long number, String title, float[] vector) {
	}

	private final JdbcClient jdbc;

	HealthRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<HealthSettings> settings(String productKey) {
		return jdbc.sql("select top_n, stale_days from health_settings where product_key = ?")
			.param(productKey)
			.query((rs, n) -> new HealthSettings(rs.getInt(1), rs.getInt(2)))
			.optional();
	}

	void saveSettings(String productKey, HealthSettings s) {
		if (jdbc.sql("update health_settings set top_n = ?, stale_days = ? where product_key = ?")
			.params(s.topN(), s.staleDays(), productKey)
			.update() == 0) {
			jdbc.sql("insert into health_settings (product_key, top_n, stale_days) values (?, ?, ?)")
				.params(productKey, s.topN(), s.staleDays())
				.update();
		}
	}

	/** Every count of the report in one pass over the product's items. */
	Counts counts(long productId, Instant staleBefore) {
		return jdbc
			.sql("select sum(case when " + OPEN + " then 1 else 0 end)," + " sum(case when " + OPEN
					+ " and i.item_type <> 'EPIC' then 1 else 0 end)," + " sum(case when " + OPEN
					+ " and i.item_type <> 'EPIC' and i.estimate is null then 1 else 0 end)," + " sum(case when " + OPEN
					+ " and i.item_type <> 'EPIC' and " + NO_CRITERIA + " then 1 else 0 end)," + " sum(case when "
					+ OPEN + " and i.updated_at < ? then 1 else 0 end),"
					+ " sum(case when i.status = 'IN_PROGRESS' then 1 else 0 end)," + " sum(case when " + OPEN
					+ " and i.item_type = 'EPIC' then 1 else 0 end)," + " sum(case when " + OPEN
					+ " and i.item_type = 'EPIC' and " + NO_CHILDREN + " then 1 else 0 end)"
					+ " from items i where i.product_id = ?")
			.params(utc(staleBefore), productId)
			.query((rs, n) -> new Counts(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
					rs.getInt(6), rs.getInt(7), rs.getInt(8)))
			.single();
	}

	/** The numbers of the first {@code n} new or ready items in backlog order. */
	List<Long> topWaiting(long productId, int n) {
		return jdbc
			.sql("select i.item_number from items i where i.product_id = ? and i.status in ('NEW', 'READY')"
					+ " order by i.rank_key limit ?")
			.params(productId, n)
			.query(Long.class)
			.list();
	}

	/** The first open items (epics aside) without an estimate, in backlog order. */
	List<ItemRow> unestimated(long productId, int limit) {
		return items("i.item_type <> 'EPIC' and i.estimate is null", productId, limit);
	}

	/** The first open items (epics aside) without acceptance criteria. */
	List<ItemRow> withoutCriteria(long productId, int limit) {
		return items("i.item_type <> 'EPIC' and " + NO_CRITERIA, productId, limit);
	}

	/** The first open epics without children (rejected ones aside). */
	List<ItemRow> emptyEpics(long productId, int limit) {
		return items("i.item_type = 'EPIC' and " + NO_CHILDREN, productId, limit);
	}

	/**
	 * The open items last changed before {@code before}, least recently changed first.
	 */
	List<ItemRow> stale(long productId, Instant before, int limit) {
		return jdbc
			.sql(ITEM + " where i.product_id = ? and " + OPEN + " and i.updated_at < ?"
					+ " order by i.updated_at, i.id limit ?")
			.params(productId, utc(before), limit)
			.query(HealthRepository::item)
			.list();
	}

	private List<ItemRow> items(String condition, long productId, int limit) {
		return jdbc
			.sql(ITEM + " where i.product_id = ? and " + OPEN + " and " + condition + " order by i.rank_key limit ?")
			.params(productId, limit)
			.query(HealthRepository::item)
			.list();
	}

	/**
	 * The items in progress that started before {@code before}, longest first; started is
	 * the first move to "in progress" in their history (their creation when it has none,
	 * e.g. imported so).
	 */
	List<ItemRow> startedBefore(long productId, Instant before, int limit) {
		return jdbc.sql("""
				select i.id, i.item_number, i.title, i.status, coalesce(min(h.changed_at), i.created_at) as started
				from items i left join item_history h on h.item_id = i.id and h.field = 'status'
				  and h.new_value = 'IN_PROGRESS'
				where i.product_id = ? and i.status = 'IN_PROGRESS'
				group by i.id, i.item_number, i.title, i.status, i.created_at
				having coalesce(min(h.changed_at), i.created_at) < ?
				order by started, i.id limit ?""")
			.params(productId, utc(before), limit)
			.query(HealthRepository::item)
			.list();
	}

	/** Every "waits on" link between two open items: pairs of item ids, waiter first. */
	List<long[]> openWaits(long productId) {
		return jdbc.sql("""
				select d.item_id, d.target_id from item_dependencies d
				join items i on i.id = d.item_id join items t on t.id = d.target_id
				where d.product_id = ? and d.kind = 'DEPENDS_ON'
				  and i.status in ('NEW', 'READY', 'IN_PROGRESS') and t.status in ('NEW', 'READY', 'IN_PROGRESS')""")
			.param(productId)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list();
	}

	/** These items by id. */
	Map<Long, ItemRow> items(Collection<Long> ids) {
		Map<Long, ItemRow> result = new HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql(ITEM + " where i.id in (:ids)")
				.param("ids", ids)
				.query(HealthRepository::item)
				.list()
				.forEach(r -> result.put(r.id(), r));
		}
		return result;
	}

	/** The stored vectors of the first open items in backlog order. */
	List<Vector> openVectors(long productId, int limit) {
		return jdbc
			.sql("select i.id, i.item_number, i.title, v.embedding from items i"
					+ " join item_vectors v on v.item_id = i.id where i.product_id = ? and " + OPEN
					+ " order by i.rank_key limit ?")
			.params(productId, limit)
			.query(HealthRepository::vector)
			.list();
	}

	/** The stored vectors of the most recently changed done items. */
	List<Vector> doneVectors(long productId, int limit) {
		return jdbc.sql("""
				select i.id, i.item_number, i.title, v.embedding from items i join item_vectors v on v.item_id = i.id
				where i.product_id = ? and i.status = 'DONE' order by i.updated_at desc, i.id limit ?""")
			.params(productId, limit)
			.query(HealthRepository::vector)
			.list();
	}

	/**
	 * The vectors of the newest open feedback (new or triaged, not merged) linked to no
	 * item.
	 */
	List<Vector> unlinkedFeedback(String productKey, int limit) {
		return jdbc.sql("""
				select f.id, 0, case when f.title = '' then f.body else f.title end, f.embedding from feedback f
				where f.product_key = ? and f.status in ('NEW', 'TRIAGED') and f.merged_into is null
				  and f.embedding is not null and not exists (select 1 from feedback_links l where l.feedback_id = f.id)
				order by f.received_at desc, f.id desc limit ?""")
			.params(productKey, limit)
			.query(HealthRepository::vector)
			.list();
	}

	/**
	 * Records the day's score (replacing the day's earlier one, which keeps its mark).
	 */
	void record(String productKey, LocalDate day, int score, int findings) {
		if (jdbc.sql("update health_scores set score = ?, findings = ? where product_key = ? and score_day = ?")
			.params(score, findings, productKey, day)
			.update() == 0) {
			jdbc.sql("""
					insert into health_scores (product_key, score_day, score, findings) values (?, ?, ?, ?)
					on conflict do nothing""").params(productKey, day, score, findings).update();
		}
	}

	/**
	 * Marks the day's summary announced; false when it already was (or the day has no
	 * score).
	 */
	boolean markSummarized(String productKey, LocalDate day) {
		return jdbc
			.sql("update health_scores set summarized = true"
					+ " where product_key = ? and score_day = ? and summarized = false")
			.params(productKey, day)
			.update() == 1;
	}

	Optional<Integer> scoreOn(String productKey, LocalDate day) {
		return jdbc.sql("select score from health_scores where product_key = ? and score_day = ?")
			.params(productKey, day)
			.query(Integer.class)
			.optional();
	}

	/** The recorded days from {@code from} on, oldest first. */
	List<HealthDay> history(String productKey, LocalDate from) {
		return jdbc
			.sql("select score_day, score, findings from health_scores where product_key = ? and score_day >= ?"
					+ " order by score_day")
			.params(productKey, from)
			.query((rs, n) -> new HealthDay(rs.getObject(1, LocalDate.class), rs.getInt(2), rs.getInt(3)))
			.list();
	}

	private static ItemRow item(ResultSet rs, int n) throws SQLException {
		return new ItemRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
				rs.getObject(5, OffsetDateTime.class).toInstant());
	}

	private static Vector vector(ResultSet rs, int n) throws SQLException {
		byte[] bytes = rs.getBytes(4);
		float[] v = new float[bytes.length / Float.BYTES];
		ByteBuffer.wrap(bytes).asFloatBuffer().get(v);
		return new Vector(rs.getLong(1), rs.getLong(2), rs.getString(3), v);
	}

	private static OffsetDateTime utc(Instant t) {
		return t.atOffset(ZoneOffset.UTC);
	}

}
