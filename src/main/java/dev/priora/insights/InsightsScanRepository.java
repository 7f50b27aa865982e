package dev.priora.insights;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.priora.insights.InsightsRepository.Counts;
import dev.priora.insights.InsightsRepository.Figures;
import dev.priora.insights.InsightsRepository.Reach;
import dev.priora.insights.InsightsRepository.Volume;

/**
 * The insights page's figures of all a product's themes in one narrow pass: each
 * feedback's received time, kind, customer and merge (read from the index
 * {@code feedback_insights_idx}, never the wide rows with their vectors and text) with
 * its theme from {@code theme_feedback} (one query), and the product's customers, counted
 * here. Always read from the tables themselves, so no change to feedback, customers or
 * themes can leave these figures stale; the theme page's figures of one theme stay in
 * {@link InsightsRepository}.
 */
@Repository
class InsightsScanRepository {

	/**
	 * Every theme's figures and the feedback waiting for one, the themes' reach, and the
	 * feedback per day, kind and theme since {@code since} of {@link #scan}.
	 */
	record Result(Figures figures, Reach reach, List<Volume> volume) {
	}

	private final JdbcClient jdbc;

	InsightsScanRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The figures of every theme of the product as of {@code now} (merged duplicates left
	 * out), the reach of the themes (distinct customers of their feedback, merged
	 * duplicates included), and the volume since {@code since}.
	 */
	Result scan(String productKey, Instant now, Instant since) {
		Tally tally = new Tally(now, since);
		jdbc.sql("select f.received_at, f.kind, f.customer_id, f.merged_into, tf.theme_id from feedback f"
				+ " left join theme_feedback tf on tf.feedback_id = f.id where f.product_key = ?")
			.param(productKey)
			.query((RowCallbackHandler) rs -> {
				long customer = rs.getLong(3);
				Long customerId = rs.wasNull() ? null : customer;
				rs.getLong(4);
				boolean merged = !rs.wasNull();
				long theme = rs.getLong(5);
				Long themeId = rs.wasNull() ? null : theme;
				tally.add(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getString(2), customerId, merged,
						themeId);
			});
		return new Result(figures(productKey, tally), reach(productKey, tally.pairs), tally.volume());
	}

	private Figures figures(String productKey, Tally tally) {
		List<Counts> themes = new ArrayList<>();
		jdbc.sql("select id, name, words, named_by_person from themes where product_key = ? order by id")
			.param(productKey)
			.query((RowCallbackHandler) rs -> {
				long id = rs.getLong(1);
				long[] c = tally.themes.getOrDefault(id, new long[Tally.FIGURES]);
				Set<Long> customers = tally.customers.getOrDefault(id, Set.of());
				themes.add(new Counts(id, rs.getString(2), rs.getString(3), rs.getBoolean(4), c[0], customers.size(),
						c[1], c[2], c[3], c[4], c[5], c[6]));
			});
		return new Figures(themes, tally.waiting);
	}

	private Reach reach(String productKey, Map<Long, Set<Long>> pairs) {
		Map<Long, InsightsRepository.Customer> customers = InsightsRepository.customers(jdbc, productKey);
		Reach reach = new Reach(new HashMap<>(), new HashMap<>());
		pairs.forEach((theme, ids) -> ids.forEach(id -> {
			InsightsRepository.Customer c = customers.get(id);
			if (c != null) {
				reach.add(theme, c);
			}
		}));
		return reach;
	}

	/** The counting of one pass, as the SQL of the theme page counts one theme. */
	private static final class Tally {

		/** Feedback, last 30, 30 before, last 90, 90 before, last 7, 4 weeks before. */
		static final int FIGURES = 7;

		final Map<Long, long[]> themes = new HashMap<>();

		/** Distinct customers of each theme's feedback (merged duplicates left out). */
		final Map<Long, Set<Long>> customers = new HashMap<>();

		/** Distinct customers of each theme's feedback (merged duplicates included). */
		final Map<Long, Set<Long>> pairs = new HashMap<>();

		final Map<VolumeKey, long[]> volume = new LinkedHashMap<>();

		long waiting;

		private final Instant since;

		private final Instant d7;

		private final Instant d30;

		private final Instant d35;

		private final Instant d60;

		private final Instant d90;

		private final Instant d180;

		Tally(Instant now, Instant since) {
			this.since = since;
			this.d7 = now.minus(7, ChronoUnit.DAYS);
			this.d30 = now.minus(30, ChronoUnit.DAYS);
			this.d35 = now.minus(35, ChronoUnit.DAYS);
			this.d60 = now.minus(60, ChronoUnit.DAYS);
			this.d90 = now.minus(90, ChronoUnit.DAYS);
			this.d180 = now.minus(180, ChronoUnit.DAYS);
		}

		void add(Instant at, String kind, Long customer, boolean merged, Long theme) {
			if (theme != null && customer != null) {
				pairs.computeIfAbsent(theme, k -> new HashSet<>()).add(customer);
			}
			if (merged) {
				return;
			}
			boolean week = !at.isBefore(d7);
			boolean weeksBefore = !at.isBefore(d35) && at.isBefore(d7);
			if (theme == null) {
				waiting++;
			}
			else {
				long[] c = themes.computeIfAbsent(theme, k -> new long[FIGURES]);
				c[0]++;
				c[1] += at.isBefore(d30) ? 0 : 1;
				c[2] += !at.isBefore(d60) && at.isBefore(d30) ? 1 : 0;
				c[3] += at.isBefore(d90) ? 0 : 1;
				c[4] += !at.isBefore(d180) && at.isBefore(d90) ? 1 : 0;
				c[5] += week ? 1 : 0;
				c[6] += weeksBefore ? 1 : 0;
				if (customer != null) {
					customers.computeIfAbsent(theme, k -> new HashSet<>()).add(customer);
				}
			}
			if (!at.isBefore(since)) {
				LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
				long[] v = volume.computeIfAbsent(new VolumeKey(day, Objects.requireNonNullElse(kind, ""), theme),
						k -> new long[3]);
				v[0]++;
				v[1] += week ? 1 : 0;
				v[2] += weeksBefore ? 1 : 0;
			}
		}

		List<Volume> volume() {
			return volume.entrySet()
				.stream()
				.map(e -> new Volume(e.getKey().day(), e.getKey().kind(), e.getKey().theme(), e.getValue()[0],
						e.getValue()[1], e.getValue()[2]))
				.toList();
		}

	}

	private record VolumeKey(LocalDate day, String kind, Long theme) {
	}

}
