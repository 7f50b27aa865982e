package dev.priora.progress;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.accounts.AccountService;
import dev.priora.accounts.UserId;
import dev.priora.backlog.BacklogProblem;
import dev.priora.backlog.BacklogService;
import dev.priora.backlog.ItemKey;
import dev.priora.backlog.ItemStatus;
import dev.priora.planning.PlanningService;
import dev.priora.planning.ReleaseView;
import dev.priora.planning.SprintView;

/**
 * Sprint runs (start with the points committed, close with the points completed and the
 * unfinished items recorded as spillover), the velocity history, a release's progress
 * with a calibrated forecast and its flag, a sprint's burndown, and the release decision
 * log.
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
	public record BurnupPoint(String label, java.time.Instant at, BigDecimal scope, BigDecimal done) {
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
	public record DecisionView(String decision, String note, String by, java.time.Instant at) {
	}

	private final ProgressRepository repository;

	private final PlanningService planning;

	private final BacklogService backlog;

	private final AccountService accounts;

	private final dev.priora.backlog.BacklogOrder order;

	private final FlowMetrics flow;

	private final Clock clock;

	private final org.springframework.context.ApplicationEventPublisher events;

	private final ReleaseForecasts forecasts;

	ProgressService(ProgressRepository repository, PlanningService planning, BacklogService backlog,
			AccountService accounts, dev.priora.backlog.BacklogOrder order, FlowMetrics flow, Clock clock,
			org.springframework.context.ApplicationEventPublisher events, ReleaseForecasts forecasts) {
		this.forecasts = forecasts;
		this.events = events;
		this.flow = flow;
		this.order = order;
		this.repository = repository;
		this.planning = planning;
		this.backlog = backlog;
		this.accounts = accounts;
		this.clock = clock;
	}

	public List<SprintRun> sprints(String productKey) {
		List<SprintRun> result = new ArrayList<>();
		for (SprintView s : planning.sprints(productKey)) {
			result.add(run(s));
		}
		return result;
	}

	public SprintRun sprint(String productKey, long id) {
		return run(planning.sprint(productKey, id));
	}

	private SprintRun run(SprintView s) {
		var r = repository.run(s.id());
		return new SprintRun(s, r.map(ProgressRepository.Run::state).orElse("PLANNED"),
				r.map(ProgressRepository.Run::committed).orElse(null),
				r.map(ProgressRepository.Run::completed).orElse(null), repository.spilledOver(s.id()));
	}

	/**
	 * Starts a sprint: its items must meet the Definition of Ready (409 naming those that
	 * do not) unless {@code force}; one sprint runs at a time.
	 */
	@Transactional
	public SprintRun start(String productKey, long sprintId, boolean force, UserId user) {
		SprintView s = planning.sprint(productKey, sprintId);
		if (repository.run(sprintId).isPresent()) {
			throw BacklogProblem.conflict("sprint-started", "Sprint " + s.name() + " has started already.");
		}
		for (SprintRun other : sprints(productKey)) {
			if ("ACTIVE".equals(other.state())) {
				throw BacklogProblem.conflict("sprint-running",
						"Sprint " + other.sprint().name() + " is running; close it first.");
			}
		}
		var items = planning.sprintItems(productKey, sprintId);
		if (items.isEmpty()) {
			throw BacklogProblem.conflict("sprint-empty", "Plan items for sprint " + s.name() + " before starting it.");
		}
		List<String> notReady = new ArrayList<>();
		BigDecimal committed = BigDecimal.ZERO;
		for (var i : items) {
			var item = backlog.item(ItemKey.parse(i.key()).orElseThrow());
			if (!item.readiness().ready() && item.status() != ItemStatus.DONE) {
				notReady.add(i.key() + " (" + String.join("; ", item.readiness().reasons()) + ")");
			}
			committed = committed.add(i.estimate() == null ? BigDecimal.ZERO : i.estimate());
		}
		if (!notReady.isEmpty() && !force) {
			throw BacklogProblem.conflict("items-not-ready",
					"Not ready: " + String.join(", ", notReady) + ". Make them ready, or start anyway.");
		}
		repository.start(sprintId, committed, user.value(), clock.instant());
		return sprint(productKey, sprintId);
	}

	/**
	 * Closes the running sprint: done points become its velocity; unfinished items are
	 * recorded as spillover and move to {@code nextSprintId} (or out of any sprint).
	 */
	@Transactional
	public SprintRun close(String productKey, long sprintId, Long nextSprintId, UserId user) {
		SprintView s = planning.sprint(productKey, sprintId);
		var run = repository.run(sprintId)
			.orElseThrow(
					() -> BacklogProblem.conflict("sprint-not-started", "Sprint " + s.name() + " has not started."));
		if (!"ACTIVE".equals(run.state())) {
			throw BacklogProblem.conflict("sprint-closed", "Sprint " + s.name() + " is closed already.");
		}
		if (nextSprintId != null) {
			if (nextSprintId == sprintId) {
				throw BacklogProblem.invalid("nextSprintId", "is the sprint being closed");
			}
			planning.sprint(productKey, nextSprintId);
		}
		BigDecimal done = BigDecimal.ZERO;
		for (var i : planning.sprintItems(productKey, sprintId)) {
			BigDecimal points = i.estimate() == null ? BigDecimal.ZERO : i.estimate();
			if (ItemStatus.DONE.label().equals(i.status())) {
				done = done.add(points);
			}
			else if (!ItemStatus.REJECTED.label().equals(i.status())) {
				ItemKey key = ItemKey.parse(i.key()).orElseThrow();
				repository.spillover(sprintId, key.productKey(), key.number(), i.estimate(), nextSprintId);
				planning.moveToSprint(key, nextSprintId, user);
			}
		}
		repository.close(sprintId, done, user.value(), clock.instant());
		SprintRun closed = sprint(productKey, sprintId);
		events.publishEvent(new SprintClosed(productKey.toUpperCase(java.util.Locale.ROOT), sprintId, s.name(),
				closed.committed(), done, closed.spillover()));
		return closed;
	}

	/** Completed points of closed sprints, oldest first. */
	public List<BigDecimal> velocities(String productKey) {
		return repository.runs(productKey.toUpperCase(java.util.Locale.ROOT))
			.stream()
			.filter(r -> "CLOSED".equals(r.state()))
			.map(ProgressRepository.Run::completed)
			.toList();
	}

	/**
	 * Each day of the sprint up to today: the points of the items in the sprint at the
	 * end of the day (scope), those not done (remaining), and the points added to or
	 * taken out of the sprint that day (by the day before, or by the sprint's start for
	 * its first day), with the item keys: scope changes are shown, not hidden.
	 */
	@Transactional(readOnly = true)
	public List<BurndownDay> burndown(String productKey, long sprintId) {
		SprintView s = planning.sprint(productKey, sprintId);
		ScopeHistory history = history(productKey);
		List<Long> ever = history.everInSprint(sprintId);
		var run = repository.run(sprintId);
		java.time.Instant startedAt = run.map(ProgressRepository.Run::startedAt)
			.orElse(s.start().atStartOfDay(ZoneOffset.UTC).toInstant());
		// a closed sprint stays as it was closed: its spillover moved out when it closed,
		// which is no scope taken out
		java.time.Instant closedAt = run.filter(r -> "CLOSED".equals(r.state()))
			.map(ProgressRepository.Run::closedAt)
			.orElse(null);
		java.util.Set<String> spilled = closedAt == null ? java.util.Set.of()
				: new java.util.HashSet<>(repository.spilledOver(sprintId));
		LocalDate today = LocalDate.now(clock);
		List<BurndownDay> days = new ArrayList<>();
		java.time.Instant previous = startedAt;
		for (LocalDate d = s.start(); !d.isAfter(s.end()) && !d.isAfter(today); d = d.plusDays(1)) {
			// before the sprint was started, its scope is what it started with
			java.time.Instant endOfDay = max(d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), startedAt);
			if (closedAt != null && endOfDay.isAfter(closedAt)) {
				endOfDay = closedAt;
			}
			BigDecimal scope = BigDecimal.ZERO;
			BigDecimal remaining = BigDecimal.ZERO;
			BigDecimal added = BigDecimal.ZERO;
			BigDecimal removed = BigDecimal.ZERO;
			List<String> addedItems = new ArrayList<>();
			List<String> removedItems = new ArrayList<>();
			for (long item : ever) {
				boolean spilledAtClose = spilled.contains(history.key(item));
				boolean in = history.inSprint(item, sprintId, endOfDay) || spilledAtClose && endOfDay.equals(closedAt);
				boolean was = history.inSprint(item, sprintId, previous) || spilledAtClose && previous.equals(closedAt);
				BigDecimal points = history.points(item, endOfDay);
				if (in) {
					scope = scope.add(points);
					if (!history.done(item, endOfDay)) {
						remaining = remaining.add(points);
					}
				}
				if (in && !was) {
					added = added.add(points);
					addedItems.add(history.key(item));
				}
				else if (!in && was) {
					removed = removed.add(history.points(item, previous));
					removedItems.add(history.key(item));
				}
			}
			days.add(new BurndownDay(d, remaining, scope, added, removed, addedItems, removedItems));
			previous = endOfDay;
		}
		return days;
	}

	private static java.time.Instant max(java.time.Instant a, java.time.Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static BurnupPoint burnupPoint(String label, java.time.Instant at, List<Long> ever, long releaseId,
			ScopeHistory history) {
		BigDecimal scope = BigDecimal.ZERO;
		BigDecimal done = BigDecimal.ZERO;
		for (long item : ever) {
			if (history.inRelease(item, releaseId, at)) {
				BigDecimal points = history.points(item, at);
				scope = scope.add(points);
				done = history.done(item, at) ? done.add(points) : done;
			}
		}
		return new BurnupPoint(label, at, scope, done);
	}

	private ScopeHistory history(String productKey) {
		String key = productKey.toUpperCase(java.util.Locale.ROOT);
		return new ScopeHistory(order.snapshot(key), planning.assignmentLog(key),
				repository.fieldChanges(key, "estimate"), repository.statusChanges(key, java.time.Instant.EPOCH));
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
	 * A release's progress and forecast: its remaining points after those of the releases
	 * before it, over the closed sprints' velocities (10,000 trials, seeded by the
	 * product), from today in sprints of the usual length; on track at ≥ 85 % for the
	 * target date, at risk from 50 %, off track below. With fewer than three closed
	 * sprints the team's stated velocity (its sprints' capacity) is blended with the
	 * closed sprints, or used alone without any, labelled as such.
	 */
	@Transactional(readOnly = true)
	public ReleaseProgress release(String productKey, long releaseId) {
		ReleaseView r = planning.release(productKey, releaseId);
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
			boolean finished = ItemStatus.DONE.label().equals(i.status());
			if (finished) {
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
		BigDecimal remaining = scope.subtract(done);
		List<BigDecimal> velocities = velocities(productKey);
		ReleaseForecast f = forecasts.of(productKey, r);
		var rows = repository.decisions(releaseId);
		var names = accounts.displayNames(rows.stream().map(d -> new UserId(d.decidedBy())).toList());
		List<DecisionView> decisions = rows.stream()
			.map(d -> new DecisionView(d.decision(), d.note(), names.getOrDefault(new UserId(d.decidedBy()), "someone"),
					d.decidedAt()))
			.toList();
		// burnup: the release's scope and its done points at the close of each of its
		// sprints, and now
		ScopeHistory history = history(productKey);
		List<Long> ever = history.everInRelease(releaseId);
		List<BurnupPoint> burnup = new ArrayList<>();
		for (Object[] run : repository.runHistory(productKey.toUpperCase(java.util.Locale.ROOT))) {
			if (run[3] != null && ((Long) run[3]) == releaseId) {
				burnup.add(burnupPoint((String) run[0], (java.time.Instant) run[4], ever, releaseId, history));
			}
		}
		burnup.add(burnupPoint("now", clock.instant(), ever, releaseId, history));
		List<ClosedSprint> closed = repository.closedSprints(productKey.toUpperCase(java.util.Locale.ROOT));
		List<BigDecimal> spillover = closed.subList(Math.max(0, closed.size() - 5), closed.size())
			.stream()
			.map(ClosedSprint::spillover)
			.toList();
		return new ReleaseProgress(r, scope, done, remaining, unestimated, notReady, blocked, velocities, f.forecast(),
				f.flag(), f.sprintDays(), decisions, burnup, spillover, f.before(), f.after(), closed);
	}

	/**
	 * A forecast for some scope: what it covers, its remaining points, and the forecast
	 * (null without history).
	 */
	public record ScopeForecast(String scope, List<String> items, BigDecimal remaining, List<String> unestimated,
			Forecasts.DeliveryForecast forecast, String note) {
	}

	/**
	 * Forecasts the unfinished items of an epic, or of everything ranked above an item
	 * (the item included), from the closed sprints' velocities.
	 */
	@Transactional(readOnly = true)
	public ScopeForecast forecastScope(String productKey, ItemKey epic, ItemKey above) {
		if ((epic == null) == (above == null)) {
			throw BacklogProblem.invalid("scope", "give either epic or above");
		}
		List<String> keys = new ArrayList<>();
		List<String> unestimated = new ArrayList<>();
		BigDecimal remaining = BigDecimal.ZERO;
		var snapshot = order.snapshot(productKey);
		boolean found = false;
		for (var e : snapshot.items()) {
			boolean inScope = epic != null ? epic.equals(e.parent()) : !found;
			if (e.key().equals(above) || e.key().equals(epic)) {
				found = true;
				if (e.key().equals(epic) && e.type() != dev.priora.backlog.ItemType.EPIC) {
					throw BacklogProblem.invalid("epic", epic + " is not an epic");
				}
			}
			if (!inScope || !e.open() || e.type() == dev.priora.backlog.ItemType.EPIC) {
				continue;
			}
			keys.add(e.key().toString());
			if (e.estimate() == null) {
				unestimated.add(e.key().toString());
			}
			else {
				remaining = remaining.add(e.estimate());
			}
		}
		if (!found) {
			throw BacklogProblem.invalid(epic != null ? "epic" : "above",
					(epic != null ? epic : above) + " is not in " + productKey.toUpperCase(java.util.Locale.ROOT));
		}
		List<BigDecimal> velocities = velocities(productKey);
		String scope = epic != null ? "epic " + epic : "everything up to " + above + " in backlog order";
		List<SprintView> sprints = planning.sprints(productKey);
		Double stated = ReleaseForecasts.stated(sprints, List.of());
		if (velocities.size() < 3 && (velocities.isEmpty() || stated == null)) {
			return new ScopeForecast(scope, keys, remaining, unestimated, null, velocities.isEmpty()
					? "no closed sprints yet: no forecast"
					: "fewer than 3 closed sprints and no sprint capacity to" + " blend them with: no forecast yet");
		}
		if (remaining.signum() == 0) {
			return new ScopeForecast(scope, keys, remaining, unestimated, null, "nothing estimated is left");
		}
		int sprintDays = ReleaseForecasts.sprintDays(sprints);
		var f = Forecasts.forecast(velocities.stream().mapToDouble(BigDecimal::doubleValue).toArray(),
				remaining.doubleValue(), 10_000, scope.hashCode(), LocalDate.now(clock), sprintDays, null,
				velocities.size() < 3 ? stated : null);
		return new ScopeForecast(scope, keys, remaining, unestimated, f,
				unestimated.isEmpty() ? null : unestimated.size() + " unestimated items are not counted");
	}

	/** Records a "continue" or "go back" decision with a note. */
	@Transactional
	public void decide(String productKey, long releaseId, String decision, String note, UserId user) {
		planning.release(productKey, releaseId);
		String d = decision == null ? "" : decision.strip().toUpperCase(java.util.Locale.ROOT).replace(' ', '_');
		if (!d.equals("CONTINUE") && !d.equals("GO_BACK")) {
			throw BacklogProblem.invalid("decision", "is CONTINUE or GO_BACK");
		}
		String n = note == null ? "" : note.strip();
		if (n.length() > 2000) {
			throw BacklogProblem.invalid("note", "must be at most 2000 characters");
		}
		repository.decide(releaseId, d, n, user.value(), clock.instant());
	}

}
