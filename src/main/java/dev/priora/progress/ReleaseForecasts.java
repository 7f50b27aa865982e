package dev.priora.progress;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.priora.backlog.ItemStatus;
import dev.priora.backlog.ProductService;
import dev.priora.planning.PlanningService;
import dev.priora.planning.ReleaseStatus;
import dev.priora.planning.ReleaseView;
import dev.priora.planning.SprintView;
import dev.priora.progress.engine.TeamTime;

/**
 * Forecasts the releases in sequence: the team works through the unreleased releases in
 * order (target date, then the order they were made), so a release's remaining work
 * starts after that of the releases before it — in the same Monte Carlo trials, with the
 * same draws, so no release is forecast to finish before an earlier one. Velocity: the
 * closed sprints' (three or more), or the team's stated velocity blended with one or two
 * closed sprints, or the stated velocity alone; the stated velocity is the average
 * capacity of the product's sprints (or the release's capacity per sprint when there are
 * none). The odds of a target date count the team's working time until it, after days off
 * ({@link TeamCalendar}). A release whose items have no estimates is forecast on its own
 * from the weekly throughput of items, and counts as no points for the releases after it.
 */
@Component
class ReleaseForecasts {

	/** Trials per forecast. */
	static final int TRIALS = 10_000;

	private final PlanningService planning;

	private final ProgressRepository repository;

	private final FlowMetrics flow;

	private final Clock clock;

	private final TeamCalendar calendar;

	private final ProductService products;

	ReleaseForecasts(PlanningService planning, ProgressRepository repository, FlowMetrics flow, Clock clock,
			TeamCalendar calendar, ProductService products) {
		this.calendar = calendar;
		this.products = products;
		this.planning = planning;
		this.repository = repository;
		this.flow = flow;
		this.clock = clock;
	}

	/** Points and open items a release has left: items neither done nor rejected. */
	record Left(BigDecimal points, long openItems, BigDecimal scope) {

		static Left of(ReleaseView r) {
			BigDecimal points = BigDecimal.ZERO;
			BigDecimal scope = BigDecimal.ZERO;
			long open = 0;
			for (var i : r.items()) {
				BigDecimal p = i.estimate() == null ? BigDecimal.ZERO : i.estimate();
				if (ItemStatus.REJECTED.label().equals(i.status())) {
					continue;
				}
				scope = scope.add(p);
				if (!ItemStatus.DONE.label().equals(i.status())) {
					points = points.add(p);
					open++;
				}
			}
			return new Left(points, open, scope);
		}

	}

	/** Every unreleased release's forecast in sequence, in the order worked on. */
	List<ProgressService.ReleaseForecast> all(String productKey) {
		List<ReleaseView> sequence = planning.board(productKey)
			.releases()
			.stream()
			.filter(r -> r.status() != ReleaseStatus.RELEASED)
			.toList();
		return forecast(productKey, sequence);
	}

	/**
	 * The release's forecast: in the sequence when it is not released yet, on its own
	 * otherwise.
	 */
	ProgressService.ReleaseForecast of(String productKey, ReleaseView release) {
		if (release.status() == ReleaseStatus.RELEASED) {
			return forecast(productKey, List.of(release)).get(0);
		}
		return all(productKey).stream().filter(f -> f.releaseId() == release.id()).findFirst().orElseThrow();
	}

	List<ProgressService.ReleaseForecast> forecast(String productKey, List<ReleaseView> sequence) {
		return forecast(productKey, sequence, List.of());
	}

	/**
	 * The releases' forecasts in sequence with {@code extra} losses of the team's
	 * capacity besides its days off (a scenario's member leaving, sprint lost, days off).
	 */
	List<ProgressService.ReleaseForecast> forecast(String productKey, List<ReleaseView> sequence,
			List<TeamTime.Loss> extra) {
		String key = productKey.toUpperCase(Locale.ROOT);
		List<SprintView> sprints = planning.sprints(key);
		int sprintDays = sprintDays(sprints);
		double[] history = history(key);
		Double stated = stated(sprints, sequence);
		LocalDate today = LocalDate.now(clock);
		var time = calendar.time(key, today, sprintDays, extra);
		int n = sequence.size();
		double[] remaining = new double[n];
		LocalDate[] targets = new LocalDate[n];
		List<Left> left = new ArrayList<>();
		for (int k = 0; k < n; k++) {
			Left l = Left.of(sequence.get(k));
			left.add(l);
			remaining[k] = l.points().doubleValue();
			LocalDate target = sequence.get(k).targetDate();
			// the odds count the team's working time, after days off, until the target
			targets[k] = target != null && !target.isBefore(today)
					? today.plusDays((long) Math.floor(time.daysUntil(target))) : null;
		}
		List<Forecasts.DeliveryForecast> inSequence = n > 0 && (history.length >= 3 || stated != null)
				? Forecasts.sequence(history, remaining, TRIALS, key.hashCode(), today, sprintDays, targets, stated)
				: null;
		List<ProgressService.ReleaseForecast> result = new ArrayList<>();
		String unit = n > 1 ? products.get(key).estimateUnit().label() : "";
		BigDecimal before = BigDecimal.ZERO;
		List<String> earlier = new ArrayList<>();
		for (int k = 0; k < n; k++) {
			ReleaseView r = sequence.get(k);
			Left l = left.get(k);
			Forecasts.DeliveryForecast f = null;
			int days = sprintDays;
			if (l.scope().signum() == 0 && l.openItems() > 0) {
				f = throughput(key, r, l.openItems(), today, targets[k]);
				days = 7;
			}
			else if (l.points().signum() > 0 && inSequence != null) {
				f = inSequence.get(k);
				if (!earlier.isEmpty()) {
					f = withMethod(f, "in sequence: after the " + before.stripTrailingZeros().toPlainString() + " "
							+ unit + " left in " + String.join(", ", earlier) + "; " + f.method());
				}
			}
			result.add(new ProgressService.ReleaseForecast(r.id(), r.name(), r.targetDate(), l.scope(), l.points(),
					before, List.copyOf(earlier), f, flag(r, l, f, today), days));
			before = before.add(l.points());
			earlier.add(r.name());
		}
		return result;
	}

	/** The closed sprints' completed points, oldest first. */
	double[] history(String key) {
		return repository.runs(key)
			.stream()
			.filter(r -> "CLOSED".equals(r.state()))
			.mapToDouble(r -> r.completed().doubleValue())
			.toArray();
	}

	/** The forecast from the weekly throughput of items, when nothing is estimated. */
	private Forecasts.DeliveryForecast throughput(String key, ReleaseView r, long openItems, LocalDate today,
			LocalDate target) {
		double[] weeks = flow.weeklyThroughput(key, 12);
		if (weeks.length < 3 || java.util.Arrays.stream(weeks).noneMatch(w -> w > 0)) {
			return null;
		}
		var f = Forecasts.forecast(weeks, openItems, TRIALS, r.id(), today, 7, target, null);
		return withMethod(f, "items are not estimated: " + openItems + " open items over the weekly throughput of the"
				+ " last 12 weeks (one row a week), on their own, not after the releases before; " + f.method());
	}

	private static Forecasts.DeliveryForecast withMethod(Forecasts.DeliveryForecast f, String method) {
		return new Forecasts.DeliveryForecast(f.p50(), f.p85(), f.p95(), f.p50Date(), f.p85Date(), f.p95Date(),
				f.probability(), f.history(), f.trials(), f.seed(), method);
	}

	/**
	 * On track at ≥ 85 % for the target date, at risk from 50 %, off track below; a
	 * target in the past with work left is off track; nothing left is on track.
	 */
	private static String flag(ReleaseView r, Left l, Forecasts.DeliveryForecast f, LocalDate today) {
		if (r.targetDate() == null) {
			return null;
		}
		if (l.openItems() == 0) {
			return "on track";
		}
		if (f == null) {
			return null;
		}
		double p = r.targetDate().isBefore(today) || f.probability() == null ? 0 : f.probability();
		return p >= 0.85 ? "on track" : p >= 0.5 ? "at risk" : "off track";
	}

	static int sprintDays(List<SprintView> sprints) {
		return sprints.isEmpty() ? 14 : (int) Math.max(1, Math.round(
				sprints.stream().mapToLong(s -> ChronoUnit.DAYS.between(s.start(), s.end()) + 1).average().orElse(14)));
	}

	/**
	 * The team's stated velocity: the average capacity of the product's sprints, else the
	 * first release's capacity spread over its sprints (or taken as one sprint); null
	 * when there is none.
	 */
	static Double stated(List<SprintView> sprints, List<ReleaseView> releases) {
		double sprintCapacity = sprints.stream()
			.mapToDouble(s -> s.capacity().doubleValue())
			.filter(c -> c > 0)
			.average()
			.orElse(0);
		if (sprintCapacity > 0) {
			return sprintCapacity;
		}
		Map<Long, Long> perRelease = new LinkedHashMap<>();
		sprints.forEach(s -> perRelease.merge(s.releaseId() == null ? -1 : s.releaseId(), 1L, Long::sum));
		for (ReleaseView r : releases) {
			if (r.capacity().signum() > 0) {
				return r.capacity().doubleValue() / Math.max(1, perRelease.getOrDefault(r.id(), 0L));
			}
		}
		return null;
	}

}
