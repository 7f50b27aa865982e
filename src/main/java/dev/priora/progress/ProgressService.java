package dev.priora.progress;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.accounts.UserId;
import dev.priora.backlog.ItemKey;
import dev.priora.planning.ReleaseView;
import dev.priora.planning.SprintView;

/**
 * Progress of sprints and releases, the face of these parts: sprint runs (start with the
 * points committed, close with the points completed and the unfinished items recorded as
 * spillover) and the velocity history ({@link SprintRuns}), a sprint's burndown and a
 * release's burnup ({@link BurnCharts}), a release's progress with a calibrated forecast,
 * its flag and the release decision log ({@link ReleaseReport}), the releases' forecasts
 * in sequence ({@link ReleaseForecasts}) and forecasts of other scopes
 * ({@link ScopeForecasts}).
 */
@Service
public class ProgressService {

	/** A sprint with its run (null before it starts). */
	public record SprintRun(SprintView sprint, String state, BigDecimal committed, BigDecimal completed,
			List<String> spillover) {
	}

	/**
	 * One day of a sprint burndown: points not done at the end of the day, the sprint's
	 * scope then, and the points (and items) added to or taken out of it that day.
	 */
	public record BurndownDay(LocalDate day, BigDecimal remaining, BigDecimal scope, BigDecimal added,
			BigDecimal removed, List<String> addedItems, List<String> removedItems) {
	}

	/**
	 * A point of a release burnup: at the close of a sprint (or now), the release's scope
	 * and the points done in it.
	 */
	public record BurnupPoint(String label, Instant at, BigDecimal scope, BigDecimal done) {
	}

	/** A closed sprint by name: the points it completed and those that spilled over. */
	public record ClosedSprint(String sprint, BigDecimal completed, BigDecimal spillover) {
	}

	/**
	 * A release's progress: scope, done and remaining points (rejected items do not
	 * count), risks, the forecast (null when nothing is left or there is no history nor
	 * stated velocity), its flag, the decisions, and — the forecast being in sequence —
	 * the points left in the releases before it ({@code before}, in {@code after}), which
	 * the team does first. {@code velocities} and {@code spillover} (the last five closed
	 * sprints) are the numbers of {@code closedSprints}, which names the sprints.
	 */
	public record ReleaseProgress(ReleaseView release, BigDecimal scope, BigDecimal done, BigDecimal remaining,
			List<String> unestimated, List<String> notReady, List<String> blocked, List<BigDecimal> velocities,
			Forecasts.DeliveryForecast forecast, String flag, int sprintDays, List<DecisionView> decisions,
			List<BurnupPoint> burnup, List<BigDecimal> spillover, BigDecimal before, List<String> after,
			List<ClosedSprint> closedSprints) {

		/** The last five closed sprints, oldest first: the spillover trend. */
		public List<ClosedSprint> recentSprints() {
			return closedSprints.subList(Math.max(0, closedSprints.size() - 5), closedSprints.size());
		}

		/** Whether any of the last five closed sprints spilled work over. */
		public boolean spilledOver() {
			return recentSprints().stream().anyMatch(s -> s.spillover().signum() > 0);
		}

	}

	/**
	 * A release's forecast in the sequence of unreleased releases: its scope and
	 * remaining points, the points left in the releases before it ({@code before}, in
	 * {@code after}: their work comes first), the forecast (null when nothing is left or
	 * nothing to forecast from), its flag, and the sprint length in days it counts in.
	 */
	public record ReleaseForecast(long releaseId, String name, LocalDate targetDate, BigDecimal scope,
			BigDecimal remaining, BigDecimal before, List<String> after, Forecasts.DeliveryForecast forecast,
			String flag, int sprintDays) {
	}

	/** A "continue" or "go back" decision. */
	public record DecisionView(String decision, String note, String by, Instant at) {
	}

	/**
	 * A forecast for some scope: what it covers, its remaining points, and the forecast
	 * (null without history).
	 */
	public record ScopeForecast(String scope, List<String> items, BigDecimal remaining, List<String> unestimated,
			Forecasts.DeliveryForecast forecast, String note) {
	}

	private final SprintRuns runs;

	private final BurnCharts charts;

	private final ReleaseReport releases;

	private final ReleaseForecasts forecasts;

	private final ScopeForecasts scopes;

	private final PlanForecasts planForecasts;

	ProgressService(SprintRuns runs, BurnCharts charts, ReleaseReport releases, ReleaseForecasts forecasts,
			ScopeForecasts scopes, PlanForecasts planForecasts) {
		this.runs = runs;
		this.charts = charts;
		this.releases = releases;
		this.forecasts = forecasts;
		this.scopes = scopes;
		this.planForecasts = planForecasts;
	}

	public List<SprintRun> sprints(String productKey) {
		return runs.sprints(productKey);
	}

	public SprintRun sprint(String productKey, long id) {
		return runs.sprint(productKey, id);
	}

	/**
	 * Starts a sprint: its items must meet the Definition of Ready (409 naming those that
	 * do not) unless {@code force}; one sprint runs at a time.
	 */
	public SprintRun start(String productKey, long sprintId, boolean force, UserId user) {
		return runs.start(productKey, sprintId, force, user);
	}

	/**
	 * Closes the running sprint: done points become its velocity; unfinished items are
	 * recorded as spillover and move to {@code nextSprintId} (or out of any sprint).
	 */
	public SprintRun close(String productKey, long sprintId, Long nextSprintId, UserId user) {
		return runs.close(productKey, sprintId, nextSprintId, user);
	}

	/** Completed points of closed sprints, oldest first. */
	public List<BigDecimal> velocities(String productKey) {
		return runs.velocities(productKey);
	}

	/**
	 * Each day of the sprint up to today: the points of the items in the sprint at the
	 * end of the day (scope), those not done (remaining), and the points added to or
	 * taken out of the sprint that day, with the item keys: scope changes are shown, not
	 * hidden.
	 */
	public List<BurndownDay> burndown(String productKey, long sprintId) {
		return charts.burndown(productKey, sprintId);
	}

	/**
	 * Every unreleased release's forecast, in the order the team works through them
	 * (target date, then creation): a release's remaining work starts after its
	 * predecessors' in the same trials (see {@link ReleaseForecasts}).
	 */
	@Transactional(readOnly = true)
	public List<ReleaseForecast> releaseForecasts(String productKey) {
		return forecasts.all(productKey);
	}

	/**
	 * The odds of an optimizer's plan: every unreleased release as it would be once the
	 * plan is applied, forecast in sequence as the board's are (see
	 * {@link PlanForecasts}).
	 */
	@Transactional(readOnly = true)
	public List<ReleaseForecast> planForecasts(String productKey, long planId) {
		return planForecasts.of(productKey, planId);
	}

	/**
	 * A release's progress and forecast: its remaining points after those of the releases
	 * before it, over the closed sprints' velocities (10,000 trials, seeded by the
	 * product), from today in sprints of the usual length; on track at ≥ 85 % for the
	 * target date, at risk from 50 %, off track below. With fewer than three closed
	 * sprints the team's stated velocity (its sprints' capacity) is blended with the
	 * closed sprints, or used alone without any, labelled as such.
	 */
	public ReleaseProgress release(String productKey, long releaseId) {
		return releases.release(productKey, releaseId);
	}

	/**
	 * Forecasts the unfinished items of an epic, or of everything ranked above an item
	 * (the item included), from the closed sprints' velocities.
	 */
	public ScopeForecast forecastScope(String productKey, ItemKey epic, ItemKey above) {
		return scopes.forecast(productKey, epic, above);
	}

	/** Records a "continue" or "go back" decision with a note. */
	public void decide(String productKey, long releaseId, String decision, String note, UserId user) {
		releases.decide(productKey, releaseId, decision, note, user);
	}

}
