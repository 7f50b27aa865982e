package dev.priora.progress;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.accounts.AccountService;
import dev.priora.accounts.UserId;
import dev.priora.problem.DomainProblem;
import dev.priora.backlog.BacklogService;
import dev.priora.backlog.ItemKey;
import dev.priora.backlog.ItemStatus;
import dev.priora.planning.PlanningService;
import dev.priora.planning.ReleaseView;
import dev.priora.progress.ProgressService.ClosedSprint;
import dev.priora.progress.ProgressService.DecisionView;
import dev.priora.progress.ProgressService.ReleaseForecast;
import dev.priora.progress.ProgressService.ReleaseProgress;

/**
 * A release's progress: scope, done and remaining points, the risks (unestimated, not
 * ready, blocked items; spillover of the last sprints), the forecast in sequence
 * ({@link ReleaseForecasts}) with its flag, the burnup ({@link BurnCharts}), and the
 * release's decision log ("continue" or "go back", with a note).
 */
@Component
class ReleaseReport {

	private final ProgressRepository repository;

	private final PlanningService planning;

	private final BacklogService backlog;

	private final AccountService accounts;

	private final SprintRuns runs;

	private final BurnCharts charts;

	private final ReleaseForecasts forecasts;

	private final Clock clock;

	ReleaseReport(ProgressRepository repository, PlanningService planning, BacklogService backlog,
			AccountService accounts, SprintRuns runs, BurnCharts charts, ReleaseForecasts forecasts, Clock clock) {
		this.repository = repository;
		this.planning = planning;
		this.backlog = backlog;
		this.accounts = accounts;
		this.runs = runs;
		this.charts = charts;
		this.forecasts = forecasts;
		this.clock = clock;
	}

	/**
	 * Scope, done points and the open items' risks of a release (rejected items left
	 * out).
	 */
	private record Tally(BigDecimal scope, BigDecimal done, List<String> unestimated, List<String> notReady,
			List<String> blocked) {
	}

	@Transactional(readOnly = true)
	ReleaseProgress release(String productKey, long releaseId) {
		ReleaseView r = planning.release(productKey, releaseId);
		Tally t = tally(r);
		List<BigDecimal> velocities = runs.velocities(productKey);
		ReleaseForecast f = forecasts.of(productKey, r);
		List<ClosedSprint> closed = repository.closedSprints(productKey.toUpperCase(Locale.ROOT));
		List<BigDecimal> spillover = closed.subList(Math.max(0, closed.size() - 5), closed.size())
			.stream()
			.map(ClosedSprint::spillover)
			.toList();
		return new ReleaseProgress(r, t.scope(), t.done(), t.scope().subtract(t.done()), t.unestimated(), t.notReady(),
				t.blocked(), velocities, f.forecast(), f.flag(), f.sprintDays(), decisions(releaseId),
				charts.burnup(productKey, releaseId), spillover, f.before(), f.after(), closed);
	}

	private Tally tally(ReleaseView r) {
		BigDecimal scope = BigDecimal.ZERO;
		BigDecimal done = BigDecimal.ZERO;
		List<String> unestimated = new ArrayList<>();
		List<String> notReady = new ArrayList<>();
		List<String> blocked = new ArrayList<>();
		for (var i : r.items()) {
			if (ItemStatus.REJECTED.label().equals(i.status())) {
				continue;
			}
			BigDecimal p = i.estimate() == null ? BigDecimal.ZERO : i.estimate();
			scope = scope.add(p);
			if (ItemStatus.DONE.label().equals(i.status())) {
				done = done.add(p);
				continue;
			}
			if (i.estimate() == null) {
				unestimated.add(i.key());
			}
			var item = backlog.item(ItemKey.parse(i.key()).orElseThrow());
			if (!item.readiness().ready()) {
				notReady.add(i.key());
			}
			if (item.links().waitsOn().stream().anyMatch(l -> !l.done())) {
				blocked.add(i.key());
			}
		}
		return new Tally(scope, done, unestimated, notReady, blocked);
	}

	private List<DecisionView> decisions(long releaseId) {
		var rows = repository.decisions(releaseId);
		var names = accounts.displayNames(rows.stream().map(d -> new UserId(d.decidedBy())).toList());
		return rows.stream()
			.map(d -> new DecisionView(d.decision(), d.note(), names.getOrDefault(new UserId(d.decidedBy()), "someone"),
					d.decidedAt()))
			.toList();
	}

	/** Records a "continue" or "go back" decision with a note. */
	@Transactional
	void decide(String productKey, long releaseId, String decision, String note, UserId user) {
		planning.release(productKey, releaseId);
		String d = decision == null ? "" : decision.strip().toUpperCase(Locale.ROOT).replace(' ', '_');
		if (!d.equals("CONTINUE") && !d.equals("GO_BACK")) {
			throw DomainProblem.invalid("decision", "is CONTINUE or GO_BACK");
		}
		String n = note == null ? "" : note.strip();
		if (n.length() > 2000) {
			throw DomainProblem.invalid("note", "must be at most 2000 characters");
		}
		repository.decide(releaseId, d, n, user.value(), clock.instant());
	}

}
