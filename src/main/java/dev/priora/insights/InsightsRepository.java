package dev.priora.insights;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static dev.priora.insights.ThemeRepository.utc;

/**
 * What the themes and insights pages read: figures per theme, their customers' revenue
 * and segments, coverage by backlog items, quotes, and weekly volume; each one query over
 * the product's themes (read only on {@code feedback}, {@code customers},
 * {@code feedback_links}, {@code items} and {@code planned_items}).
 */
@Repository
class InsightsRepository {

	/** A theme's counts before revenue and coverage are added. */
	record Counts(long id, String name, String words, boolean namedByPerson, long feedback, long customers, long last30,
			long previous30, long last90, long previous90, long thisWeek, long weeksBefore) {
	}

	/** Feedback counted per day and a label (a kind, or a theme's id). */
	record Daily(LocalDate day, String label, long count) {
	}

	/** A kind's feedback in the last 7 days and the 4 weeks before. */
	record KindWeeks(String kind, long thisWeek, long weeksBefore) {
	}

	private final JdbcClient jdbc;

	InsightsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The figures of the product's themes (or one theme when {@code themeId} is set). */
	List<Counts> counts(String productKey, Long themeId, Instant now) {
		return jdbc
			.sql("""
					select t.id, t.name, t.words, t.named_by_person, count(f.id), count(distinct f.customer_id),
					sum(case when f.received_at >= :d30 then 1 else 0 end),
					sum(case when f.received_at >= :d60 and f.received_at < :d30 then 1 else 0 end),
					sum(case when f.received_at >= :d90 then 1 else 0 end),
					sum(case when f.received_at >= :d180 and f.received_at < :d90 then 1 else 0 end),
					sum(case when f.received_at >= :d7 then 1 else 0 end),
					sum(case when f.received_at >= :d35 and f.received_at < :d7 then 1 else 0 end)
					from themes t left join theme_feedback tf on tf.theme_id = t.id left join feedback f on f.id = tf.feedback_id
					where t.product_key = :key and (:theme = 0 or t.id = :theme)
					group by t.id, t.name, t.words, t.named_by_person order by t.id""")
			.param("key", productKey)
			.param("theme", themeId == null ? 0L : themeId)
			.param("d7", utc(now.minus(7, ChronoUnit.DAYS)))
			.param("d30", utc(now.minus(30, ChronoUnit.DAYS)))
			.param("d35", utc(now.minus(35, ChronoUnit.DAYS)))
			.param("d60", utc(now.minus(60, ChronoUnit.DAYS)))
			.param("d90", utc(now.minus(90, ChronoUnit.DAYS)))
			.param("d180", utc(now.minus(180, ChronoUnit.DAYS)))
			.query((rs, n) -> new Counts(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
					rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10),
					rs.getLong(11), rs.getLong(12)))
			.list();
	}

	/** The revenue of each theme's distinct customers. */
	Map<Long, BigDecimal> revenue(String productKey) {
		Map<Long, BigDecimal> out = new HashMap<>();
		jdbc.sql("""
				select x.theme_id, sum(c.revenue_amount) from (select distinct tf.theme_id, f.customer_id
				from theme_feedback tf join feedback f on f.id = tf.feedback_id
				where tf.product_key = ? and f.customer_id is not null) x
				join customers c on c.id = x.customer_id group by x.theme_id""")
			.param(productKey)
			.query((rs, n) -> out.put(rs.getLong(1),
					rs.getBigDecimal(2) == null ? BigDecimal.ZERO : rs.getBigDecimal(2)))
			.list();
		return out;
	}

	/** The items each theme's feedback is linked to. */
	Map<Long, List<Coverage.Item>> coverage(String productKey) {
		Map<Long, List<Coverage.Item>> out = new HashMap<>();
		jdbc.sql("""
				select distinct tf.theme_id, i.item_number, i.title, i.status,
				case when pi.release_id is null then 0 else 1 end
				from theme_feedback tf join feedback_links l on l.feedback_id = tf.feedback_id
				join items i on i.id = l.item_id left join planned_items pi on pi.item_id = i.id
				where tf.product_key = ? order by tf.theme_id, i.item_number""")
			.param(productKey)
			.query((rs, n) -> out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
				.add(new Coverage.Item(productKey + "-" + rs.getLong(2), rs.getString(3), rs.getString(4),
						rs.getInt(5) == 1)))
			.list();
		return out;
	}

	/** Distinct customers per theme and segment. */
	List<Object[]> segments(String productKey) {
		return jdbc.sql("""
				select tf.theme_id, c.segment, count(distinct c.id) from theme_feedback tf
				join feedback f on f.id = tf.feedback_id join customers c on c.id = f.customer_id
				where tf.product_key = ? group by tf.theme_id, c.segment""")
			.param(productKey)
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getLong(3) })
			.list();
	}

	/**
	 * A theme's feedback counted by a column of the feedback ({@code kind},
	 * {@code sentiment}).
	 */
	List<ThemeDetail.Count> countBy(long themeId, String column) {
		String col = column.equals("kind") ? "f.kind" : "f.sentiment";
		return jdbc
			.sql("select coalesce(" + col + ", ''), count(*) from theme_feedback tf join feedback f"
					+ " on f.id = tf.feedback_id where tf.theme_id = ? group by " + col + " order by count(*) desc")
			.param(themeId)
			.query((rs, n) -> new ThemeDetail.Count(rs.getString(1), rs.getLong(2)))
			.list();
	}

	/** A theme's feedback closest to its centre first. */
	List<ThemeDetail.Quote> quotes(long themeId, int limit) {
		return jdbc.sql("""
				select f.id, f.title, f.body, c.name, f.received_at, tf.similarity, f.kind from theme_feedback tf
				join feedback f on f.id = tf.feedback_id left join customers c on c.id = f.customer_id
				where tf.theme_id = ? order by tf.similarity desc, f.id limit ?""")
			.params(themeId, limit)
			.query((rs, n) -> quote(rs))
			.list();
	}

	/** Feedback received in one week, of a kind or a theme (the chart's drill-down). */
	List<ThemeDetail.Quote> week(String productKey, Instant from, Instant to, String kind, Long themeId) {
		return jdbc.sql("""
				select f.id, f.title, f.body, c.name, f.received_at, coalesce(tf.similarity, 0), f.kind from feedback f
				left join theme_feedback tf on tf.feedback_id = f.id left join customers c on c.id = f.customer_id
				where f.product_key = :key and f.merged_into is null and f.received_at >= :from and f.received_at < :to
				and (:kind = '' or f.kind = :kind) and (:theme = 0 or tf.theme_id = :theme)
				order by f.received_at desc, f.id limit 50""")
			.param("key", productKey)
			.param("from", utc(from))
			.param("to", utc(to))
			.param("kind", kind == null ? "" : kind)
			.param("theme", themeId == null ? 0L : themeId)
			.query((rs, n) -> quote(rs))
			.list();
	}

	/** Feedback received since the day, per day and kind or per day and theme. */
	List<Daily> daily(String productKey, Instant since, boolean byTheme) {
		String label = byTheme ? "coalesce(cast(tf.theme_id as varchar(20)), '')" : "coalesce(f.kind, '')";
		return jdbc.sql("select cast(f.received_at as date) d, " + label + " l, count(*) from feedback f"
				+ " left join theme_feedback tf on tf.feedback_id = f.id where f.product_key = ? and f.merged_into is null"
				+ " and f.received_at >= ? group by cast(f.received_at as date), " + label)
			.params(productKey, utc(since))
			.query((rs, n) -> new Daily(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getLong(3)))
			.list();
	}

	/** Each kind's feedback in the last 7 days and the 4 weeks before. */
	List<KindWeeks> kindWeeks(String productKey, Instant now) {
		return jdbc.sql("""
				select f.kind, sum(case when f.received_at >= :d7 then 1 else 0 end),
				sum(case when f.received_at < :d7 then 1 else 0 end) from feedback f
				where f.product_key = :key and f.merged_into is null and f.kind is not null and f.received_at >= :d35
				group by f.kind order by f.kind""")
			.param("key", productKey)
			.param("d7", utc(now.minus(7, ChronoUnit.DAYS)))
			.param("d35", utc(now.minus(35, ChronoUnit.DAYS)))
			.query((rs, n) -> new KindWeeks(rs.getString(1), rs.getLong(2), rs.getLong(3)))
			.list();
	}

	/** A theme's edits, newest first. */
	List<ThemeDetail.Edit> edits(long themeId) {
		return jdbc
			.sql("""
					select e.action, e.detail, u.display_name, e.edited_at from theme_edits e join users u on u.id = e.edited_by
					where e.theme_id = ? order by e.id desc limit 50""")
			.param(themeId)
			.query((rs, n) -> new ThemeDetail.Edit(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, java.time.OffsetDateTime.class).toInstant()))
			.list();
	}

	/** Feedback with a vector but no theme (waiting for the next recompute). */
	long waiting(String productKey) {
		return jdbc.sql("""
				select count(*) from feedback f where f.product_key = ? and f.merged_into is null
				and not exists (select 1 from theme_feedback tf where tf.feedback_id = f.id)""")
			.param(productKey)
			.query(Long.class)
			.single();
	}

	private static ThemeDetail.Quote quote(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new ThemeDetail.Quote(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getObject(5, java.time.OffsetDateTime.class).toInstant(), rs.getDouble(6), rs.getString(7));
	}

}
