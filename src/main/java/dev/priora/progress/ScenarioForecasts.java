package dev.priora.progress;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import dev.priora.planning.PlanResult;
import dev.priora.planning.PlanningService;
import dev.priora.progress.engine.TeamTime;

/**
 * The odds of a plan under changed capacities (scenarios): every unreleased release as
 * the plan would leave it ({@link PlanForecasts#sequence}), forecast in sequence as the
 * board's are ({@link ReleaseForecasts}: the same velocity history, stated velocity,
 * trials and seed) with the team's working time after its days off and the scenario's
 * extra losses, so a scenario's dates and odds compare with the board's release by
 * release.
 */
@Component
public class ScenarioForecasts {

	/**
	 * A share (0 to 1) of the team's capacity lost from {@code from} to {@code to}, both
	 * included ({@code to} null: for good), and why.
	 */
	public record Loss(LocalDate from, LocalDate to, double share, String why) {

		public Loss {
			// checked by the engine's own record as well; said here for callers
			if (from == null || !(share >= 0 && share <= 1) || (to != null && to.isBefore(from))) {
				throw new IllegalArgumentException(
						"a loss needs a start, an end not before it, and a share from 0 to 1");
			}
		}

	}

	private final PlanForecasts plans;

	private final ReleaseForecasts forecasts;

	private final TeamCalendar calendar;

	private final PlanningService planning;

	private final Clock clock;

	ScenarioForecasts(PlanForecasts plans, ReleaseForecasts forecasts, TeamCalendar calendar, PlanningService planning,
			Clock clock) {
		this.plans = plans;
		this.forecasts = forecasts;
		this.calendar = calendar;
		this.planning = planning;
		this.clock = clock;
	}

	/**
	 * Each unreleased release's forecast under the plan result and the extra losses; its
	 * dates count the team's working time (see {@link #onCalendar}).
	 */
	public List<ProgressService.ReleaseForecast> forecast(String productKey, PlanResult result, List<Loss> losses) {
		List<TeamTime.Loss> extra = losses.stream()
			.map(l -> new TeamTime.Loss(l.from(), l.to(), l.share(), l.why()))
			.toList();
		return onCalendar(productKey, forecasts.forecast(productKey, plans.sequence(productKey, result), extra), extra);
	}

	/**
	 * The board's forecasts as they stand (the baseline of a comparison), dates on the
	 * team's calendar as a scenario's are.
	 */
	public List<ProgressService.ReleaseForecast> board(String productKey) {
		return onCalendar(productKey, forecasts.all(productKey), List.of());
	}

	/**
	 * The forecasts with their 50/85/95 % dates moved to the day the forecast working
	 * time has passed after days off and the extra losses ({@link TeamTime#dateAfter}):
	 * the board's forecasts count days off in the odds only; a scenario that loses a
	 * member moves the dates too.
	 */
	private List<ProgressService.ReleaseForecast> onCalendar(String productKey,
			List<ProgressService.ReleaseForecast> all, List<TeamTime.Loss> extra) {
		String key = productKey.toUpperCase(Locale.ROOT);
		LocalDate today = LocalDate.now(clock);
		TeamTime time = calendar.time(key, today, ReleaseForecasts.sprintDays(planning.sprints(key)), extra);
		return all.stream().map(r -> {
			var f = r.forecast();
			if (f == null || f.p50Date() == null) {
				return r;
			}
			var moved = new Forecasts.DeliveryForecast(f.p50(), f.p85(), f.p95(),
					time.dateAfter(f.p50() * r.sprintDays()), time.dateAfter(f.p85() * r.sprintDays()),
					time.dateAfter(f.p95() * r.sprintDays()), f.probability(), f.history(), f.trials(), f.seed(),
					f.method());
			return new ProgressService.ReleaseForecast(r.releaseId(), r.name(), r.targetDate(), r.scope(),
					r.remaining(), r.before(), r.after(), moved, r.flag(), r.sprintDays());
		}).toList();
	}

}
