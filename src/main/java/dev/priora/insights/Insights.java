package dev.priora.insights;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.problem.DomainProblem;

/**
 * The insights page's figures: top themes by revenue, customers and growth, unaddressed
 * demand, the segment × theme grid, weekly volume by kind and theme with its drill-down
 * to the quotes, and this week's spikes.
 */
@Service
public class Insights {

	/** Rows of each top list. */
	public static final int TOP = 10;

	/** Weeks of the volume charts. */
	public static final int WEEKS = 12;

	/** Themes drawn one by one in the weekly chart. */
	static final int CHART_THEMES = 6;

	private final Themes themes;

	private final InsightsRepository reads;

	private final InsightsScanRepository scan;

	private final SpikeWatch spikes;

	Insights(Themes themes, InsightsRepository reads, InsightsScanRepository scan, SpikeWatch spikes) {
		this.themes = themes;
		this.reads = reads;
		this.scan = scan;
		this.spikes = spikes;
	}

	@Transactional(readOnly = true)
	public InsightsView view(String productKey) {
		String key = themes.key(productKey);
		Instant now = themes.now();
		LocalDate first = LocalDate.ofInstant(now, ZoneOffset.UTC)
			.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
			.minusWeeks(WEEKS - 1);
		InsightsScanRepository.Result read = scan.scan(key, now, first.atStartOfDay(ZoneOffset.UTC).toInstant());
		InsightsRepository.Figures figures = read.figures();
		InsightsRepository.Reach reach = read.reach();
		List<ThemeSummary> all = themes.summaries(key, figures.themes(), reach.revenue())
			.stream()
			.filter(t -> !t.empty())
			.toList();
		List<String> currencies = currencies(all);
		Comparator<ThemeSummary> byMoney = Comparator.comparingInt(t -> 0);
		for (String c : currencies) {
			byMoney = byMoney.thenComparing(t -> t.revenueIn(c));
		}
		List<ThemeSummary> byRevenue = top(all,
				byMoney.thenComparingLong(ThemeSummary::customers)
					.thenComparingLong(ThemeSummary::feedback)
					.reversed());
		List<ThemeSummary> byCustomers = top(all, Comparator.comparingLong(ThemeSummary::customers).reversed());
		List<ThemeSummary> byGrowth = all.stream()
			.filter(Insights::grew)
			.sorted(Comparator.comparingDouble(Insights::growthKey).reversed())
			.limit(TOP)
			.toList();
		List<ThemeSummary> unaddressed = all.stream()
			.filter(t -> !t.coverage().addressed())
			.sorted(byMoney.thenComparingLong(ThemeSummary::customers)
				.thenComparingLong(ThemeSummary::feedback)
				.reversed())
			.limit(TOP)
			.toList();
		List<String> segments = new ArrayList<>();
		List<InsightsView.GridRow> grid = grid(reach, byCustomers, segments);
		List<InsightsRepository.Volume> volume = read.volume();
		List<InsightsView.Spike> spiking = spikes.spikes(key, figures.themes(), kindWeeks(volume))
			.stream()
			.map(s -> new InsightsView.Spike(s.label(), s.thisWeek(), s.weeksBefore(), s.link()))
			.toList();
		return new InsightsView(all.size(), figures.waiting(), currencies, byRevenue, byCustomers, byGrowth,
				unaddressed, segments, grid, weekly(first, volume, all), spiking);
	}

	/**
	 * The feedback of one week (its Monday) of a kind or a theme, newest first (at most
	 * 50); 400 naming {@code week} when it is not a date.
	 */
	@Transactional(readOnly = true)
	public List<ThemeDetail.Quote> week(String productKey, String week, String kind, Long themeId) {
		String key = themes.key(productKey);
		LocalDate monday;
		try {
			monday = LocalDate.parse(week == null ? "" : week);
		}
		catch (java.time.format.DateTimeParseException e) {
			throw DomainProblem.invalid("week", "give the week's Monday as yyyy-mm-dd");
		}
		Instant from = monday.atStartOfDay(ZoneOffset.UTC).toInstant();
		return reads.week(key, from, from.plus(7, ChronoUnit.DAYS), kind, themeId);
	}

	/**
	 * The currencies of the themes' revenue, largest total first: themes are ordered by
	 * their revenue in the first, then in the next (amounts are never converted nor added
	 * across currencies).
	 */
	private static List<String> currencies(List<ThemeSummary> all) {
		Map<String, java.math.BigDecimal> totals = new java.util.TreeMap<>();
		all.forEach(t -> t.revenue().forEach((c, v) -> totals.merge(c, v, java.math.BigDecimal::add)));
		List<String> out = new ArrayList<>(totals.keySet());
		out.sort(Comparator.comparing(totals::get).reversed());
		return out;
	}

	/** Whether the theme had more feedback in the last 30 days than in the 30 before. */
	private static boolean grew(ThemeSummary t) {
		return t.last30() > 0 && (t.growth30() == null || t.growth30() > 0);
	}

	private static double growthKey(ThemeSummary t) {
		return t.growth30() == null ? 1000 + t.last30() : t.growth30();
	}

	private static List<ThemeSummary> top(List<ThemeSummary> all, Comparator<ThemeSummary> order) {
		return all.stream().sorted(order).limit(TOP).toList();
	}

	private static List<InsightsView.GridRow> grid(InsightsRepository.Reach reach, List<ThemeSummary> rows,
			List<String> segments) {
		TreeSet<String> names = new TreeSet<>();
		reach.segments().values().forEach(m -> names.addAll(m.keySet()));
		segments.addAll(names);
		return rows.stream()
			.map(t -> new InsightsView.GridRow(t.id(), t.name(),
					segments.stream()
						.map(s -> reach.segments().getOrDefault(t.id(), Map.of()).getOrDefault(s, 0L))
						.toList()))
			.toList();
	}

	/** Each kind's feedback in the last 7 days and the 4 weeks before. */
	private static List<InsightsRepository.KindWeeks> kindWeeks(List<InsightsRepository.Volume> volume) {
		Map<String, long[]> kinds = new java.util.TreeMap<>();
		for (var v : volume) {
			if (!v.kind().isEmpty() && v.thisWeek() + v.weeksBefore() > 0) {
				long[] k = kinds.computeIfAbsent(v.kind(), x -> new long[2]);
				k[0] += v.thisWeek();
				k[1] += v.weeksBefore();
			}
		}
		return kinds.entrySet()
			.stream()
			.map(e -> new InsightsRepository.KindWeeks(e.getKey(), e.getValue()[0], e.getValue()[1]))
			.toList();
	}

	private InsightsView.Weekly weekly(LocalDate first, List<InsightsRepository.Volume> volume,
			List<ThemeSummary> all) {
		List<String> weeks = new ArrayList<>();
		for (int w = 0; w < WEEKS; w++) {
			weeks.add(first.plusWeeks(w).toString());
		}
		Map<String, long[]> kinds = bucket(volume, first, v -> v.kind());
		List<InsightsView.Series> byKind = kinds.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.map(e -> new InsightsView.Series(Kinds.label(e.getKey()), "kind=" + e.getKey(), list(e.getValue())))
			.toList();
		Map<String, long[]> themeCounts = bucket(volume, first,
				v -> v.themeId() == null ? "" : String.valueOf(v.themeId()));
		Map<String, String> names = new HashMap<>();
		all.forEach(t -> names.put(String.valueOf(t.id()), t.name()));
		List<String> ordered = themeCounts.keySet()
			.stream()
			.filter(names::containsKey)
			.sorted(Comparator.comparingLong((String k) -> -sum(themeCounts.get(k))).thenComparing(k -> k))
			.toList();
		List<InsightsView.Series> byTheme = new ArrayList<>();
		long[] other = new long[WEEKS];
		for (int i = 0; i < ordered.size(); i++) {
			long[] c = themeCounts.get(ordered.get(i));
			if (i < CHART_THEMES) {
				byTheme.add(new InsightsView.Series(names.get(ordered.get(i)), "theme=" + ordered.get(i), list(c)));
			}
			else {
				for (int w = 0; w < WEEKS; w++) {
					other[w] += c[w];
				}
			}
		}
		if (sum(other) > 0) {
			byTheme.add(new InsightsView.Series("Other themes", "theme=other", list(other)));
		}
		if (themeCounts.containsKey("")) {
			byTheme.add(new InsightsView.Series("No theme yet", "theme=none", list(themeCounts.get(""))));
		}
		return new InsightsView.Weekly(weeks, byKind, byTheme);
	}

	private static Map<String, long[]> bucket(List<InsightsRepository.Volume> volume, LocalDate first,
			java.util.function.Function<InsightsRepository.Volume, String> label) {
		Map<String, long[]> out = new LinkedHashMap<>();
		for (var d : volume) {
			int w = (int) ChronoUnit.WEEKS.between(first, d.day());
			if (w >= 0 && w < WEEKS) {
				out.computeIfAbsent(label.apply(d), k -> new long[WEEKS])[w] += d.count();
			}
		}
		return out;
	}

	private static List<Long> list(long[] values) {
		return java.util.Arrays.stream(values).boxed().toList();
	}

	private static long sum(long[] values) {
		return java.util.Arrays.stream(values).sum();
	}

}
