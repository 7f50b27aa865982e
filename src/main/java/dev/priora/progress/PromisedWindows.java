package dev.priora.progress;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.priora.backlog.ProductService;
import dev.priora.planning.PlanResult;
import dev.priora.planning.PlanningService;
import dev.priora.planning.ReleasePromises;
import dev.priora.planning.ReleaseStatus;
import dev.priora.planning.ReleaseView;
import dev.priora.planning.SprintView;
import dev.priora.progress.engine.TeamTime;

/**
 * Each release's window for "only what we can promise" plans: the team's working time
 * until the release's target date (after days off, {@link TeamCalendar}), the most work
 * finished in that time with the chosen probability ({@link Forecasts#promisable}: the
 * same velocity history, stated velocity and model as the board's forecasts), less what
 * the releases before it promise and what releases outside the plan still hold. Filling
 * each release at most to its window keeps every release's cumulative work at or below
 * what is done by its target in that share of the trials, so the stated odds hold.
 */
@Component
class PromisedWindows implements ReleasePromises {

	private final PlanningService planning;

	private final ReleaseForecasts forecasts;

	private final TeamCalendar calendar;

	private final Clock clock;

	private final ProductService products;

	PromisedWindows(PlanningService planning, ReleaseForecasts forecasts, TeamCalendar calendar, Clock clock,
			ProductService products) {
		this.planning = planning;
		this.forecasts = forecasts;
		this.calendar = calendar;
		this.clock = clock;
		this.products = products;
	}

	@Override
	public List<PlanResult.Window> windows(String productKey, Set<Long> releaseIds, double confidence) {
		String key = productKey.toUpperCase(Locale.ROOT);
		List<ReleaseView> sequence = planning.board(key)
			.releases()
			.stream()
			.filter(r -> r.status() != ReleaseStatus.RELEASED)
			.toList();
		List<SprintView> sprints = planning.sprints(key);
		int sprintDays = ReleaseForecasts.sprintDays(sprints);
		double[] history = forecasts.history(key);
		Double stated = ReleaseForecasts.stated(sprints, sequence);
		LocalDate today = LocalDate.now(clock);
		TeamTime time = calendar.time(key, today, sprintDays);
		boolean known = history.length >= 3 || stated != null;
		String pct = Math.round(confidence * 100) + " %";
		String unit = products.get(key).estimateUnit().label();
		List<PlanResult.Window> windows = new ArrayList<>();
		double promisedBefore = 0;
		double heldOutside = 0;
		for (ReleaseView r : sequence) {
			if (!releaseIds.contains(r.id())) {
				heldOutside += ReleaseForecasts.Left.of(r).points().doubleValue();
				continue;
			}
			if (r.targetDate() == null || !known) {
				windows.add(new PlanResult.Window(r.id(), r.name(), r.targetDate(), r.capacity(), null,
						r.targetDate() == null ? "no target date: its capacity as set holds"
								: "no velocity history nor sprint capacity: its capacity as set holds"));
				continue;
			}
			double sprintsLeft = time.sprintsUntil(r.targetDate());
			double total = Forecasts.promisable(history, stated, sprintsLeft, confidence, ReleaseForecasts.TRIALS,
					key.hashCode());
			double window = Math.max(0, total - promisedBefore - heldOutside);
			windows.add(new PlanResult.Window(r.id(), r.name(), r.targetDate(), r.capacity(),
					BigDecimal.valueOf(Math.floor(window * 10) / 10).stripTrailingZeros(),
					note(total, promisedBefore + heldOutside, sprintsLeft, r.targetDate(), today, pct, unit)));
			promisedBefore += window;
			heldOutside = 0;
		}
		return windows;
	}

	private static String note(double total, double before, double sprints, LocalDate target, LocalDate today,
			String pct, String unit) {
		if (!target.isAfter(today)) {
			return "its target date has come: nothing more can be promised by it";
		}
		return "by its target date the team finishes " + fmt(total) + " " + unit + " with " + pct + " odds ("
				+ fmt(sprints) + (fmt(sprints).equals("1") ? " sprint" : " sprints")
				+ " of working time after days off)"
				+ (before > 0 ? ", " + fmt(before) + " of them for the releases before" : "");
	}

	private static String fmt(double v) {
		return BigDecimal.valueOf(Math.round(v * 10) / 10.0).stripTrailingZeros().toPlainString();
	}

}
