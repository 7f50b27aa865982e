package dev.priora.insights;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.RowCallbackHandler;
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

	/**
	 * Feedback of a day, kind and theme (null: none), and how many of them came in the
	 * last 7 days and in the 4 weeks before.
	 */
	record Volume(LocalDate day, String kind, Long themeId, long count, long thisWeek, long weeksBefore) {
	}

	/** A kind's feedback in the last 7 days and the 4 weeks before. */
	record KindWeeks(String kind, long thisWeek, long weeksBefore) {
	}

	private final JdbcClient jdbc;

	InsightsRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The figures of the product's themes (or of one theme when {@code themeId} is set),
	 * each through the theme's own members.
	 */
	List<Counts> counts(String productKey, Long themeId, Instant now) {
		var sql = windows(jdbc.sql("select t.id, t.name, t.words, t.named_by_person, count(f.id), count(distinct"
				+ " f.customer_id), " + WINDOWS + " from themes t left join theme_feedback tf on tf.theme_id = t.id"
				+ " left join feedback f on f.id = tf.feedback_id where t.product_key = :key"
				+ (themeId == null ? "" : " and t.id = :theme")
				+ " group by t.id, t.name, t.words, t.named_by_person order by t.id"), now)
			.param("key", productKey);
		return (themeId == null ? sql : sql.param("theme", themeId))
			.query((rs, n) -> new Counts(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
					rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10),
					rs.getLong(11), rs.getLong(12)))
			.list();
	}

	/**
	 * Every theme's figures, and the feedback with no theme yet
	 * ({@link InsightsScanRepository}).
	 */
	record Figures(List<Counts> themes, long waiting) {
	}

	/** Counts per time window: 30, 30 before, 90, 90 before, 7, the 4 weeks before. */
	private static final String WINDOWS = """
			sum(case when f.received_at >= :d30 then 1 else 0 end),
			sum(case when f.received_at >= :d60 and f.received_at < :d30 then 1 else 0 end),
			sum(case when f.received_at >= :d90 then 1 else 0 end),
			sum(case when f.received_at >= :d180 and f.received_at < :d90 then 1 else 0 end),
			sum(case when f.received_at >= :d7 then 1 else 0 end),
			sum(case when f.received_at >= :d35 and f.received_at < :d7 then 1 else 0 end)""";

	private static JdbcClient.StatementSpec windows(JdbcClient.StatementSpec sql, Instant now) {
		for (int days : new int[] { 7, 30, 35, 60, 90, 180 }) {
			sql = sql.param("d" + days, utc(now.minus(days, ChronoUnit.DAYS)));
		}
		return sql;
	}

	/**
	 * Each theme's distinct customers: their revenue, and how many per segment.
	 *
	 * @param revenue theme id → currency → the sum of its distinct customers' revenue in
	 * that currency (customers without a revenue left out)
	 * @param segments theme id → segment ('' for none) → distinct customers
	 */
	record Reach(Map<Long, Map<String, BigDecimal>> revenue, Map<Long, Map<String, Long>> segments) {

		/** Adds a customer of the theme: their revenue and segment. */
		void add(long themeId, Customer c) {
			if (c.revenue() != null) {
				revenue.computeIfAbsent(themeId, k -> new java.util.TreeMap<>())
					.merge(c.currency(), c.revenue(), BigDecimal::add);
			}
			segments.computeIfAbsent(themeId, k -> new HashMap<>()).merge(c.segment(), 1L, Long::sum);
		}

	}

	/**
	 * A customer as the reach of themes needs them: segment ("" when none), revenue and
	 * its currency ("" when none given; both null when no revenue).
	 */
	record Customer(String segment, BigDecimal revenue, String currency) {
	}

	/**
	 * The reach of the product's themes (or of one theme when {@code themeId} is set):
	 * one pass over the themes' feedback for their distinct customers, who are then
	 * looked up among the product's customers.
	 */
	Reach reach(String productKey, Long themeId) {
		Map<Long, Customer> customers = customers(jdbc, productKey);
		Reach reach = new Reach(new HashMap<>(), new HashMap<>());
		String where = themeId == null ? "tf.product_key = ?" : "tf.theme_id = ?";
		jdbc.sql("select distinct tf.theme_id, f.customer_id from theme_feedback tf join feedback f on f.id ="
				+ " tf.feedback_id where " + where + " and f.customer_id is not null")
			.param(themeId == null ? productKey : themeId)
			.query((RowCallbackHandler) rs -> {
				Customer c = customers.get(rs.getLong(2));
				if (c != null) {
					reach.add(rs.getLong(1), c);
				}
			});
		return reach;
	}

	/**
	 * The product's customers by id, for the reach of themes.
	 */
	static Map<Long, Customer> customers(JdbcClient jdbc, String productKey) {
		Map<Long, Customer> customers = new HashMap<>();
		jdbc.sql("select id, segment, revenue_amount, revenue_currency from customers where product_key = ?")
			.param(productKey)
			.query((RowCallbackHandler) rs -> {
				BigDecimal revenue = rs.getBigDecimal(3);
				String currency = rs.getString(4);
				customers.put(rs.getLong(1), new Customer(rs.getString(2) == null ? "" : rs.getString(2), revenue,
						revenue == null ? null : currency == null ? "" : currency));
			});
		return customers;
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

	/**
	 * Feedback received in one week, of a kind or a theme (the chart's drill-down; theme
	 * -2: feedback with no theme yet).
	 */
	List<ThemeDetail.Quote> week(String productKey, Instant from, Instant to, String kind, Long themeId) {
		return jdbc
			.sql("""
					select f.id, f.title, f.body, c.name, f.received_at, coalesce(tf.similarity, 0), f.kind from feedback f
					left join theme_feedback tf on tf.feedback_id = f.id left join customers c on c.id = f.customer_id
					where f.product_key = :key and f.merged_into is null and f.received_at >= :from and f.received_at < :to
					and (:kind = '' or f.kind = :kind) and (:theme = 0 or tf.theme_id = :theme or (:theme = -2 and tf.theme_id is null))
					order by f.received_at desc, f.id limit 50""")
			.param("key", productKey)
			.param("from", utc(from))
			.param("to", utc(to))
			.param("kind", kind == null ? "" : kind)
			.param("theme", themeId == null ? 0L : themeId)
			.query((rs, n) -> quote(rs))
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

	/** The product's themes to choose from, most feedback first. */
	List<Themes.Choice> choices(String productKey) {
		return jdbc
			.sql("""
					select t.id, t.name, count(tf.feedback_id) from themes t left join theme_feedback tf on tf.theme_id = t.id
					where t.product_key = ? group by t.id, t.name having count(tf.feedback_id) > 0
					order by count(tf.feedback_id) desc, t.id""")
			.param(productKey)
			.query((rs, n) -> new Themes.Choice(rs.getLong(1), rs.getString(2), rs.getLong(3)))
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
