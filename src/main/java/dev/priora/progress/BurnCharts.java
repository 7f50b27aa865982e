package dev.priora.progress;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.backlog.BacklogOrder;
import dev.priora.planning.PlanningService;
import dev.priora.planning.SprintView;
import dev.priora.progress.ProgressService.BurndownDay;
import dev.priora.progress.ProgressService.BurnupPoint;

/**
 * A sprint's burndown and a release's burnup, replayed from the history of the items'
 * release and sprint ({@code assignment_log}), estimates and statuses
 * ({@link ScopeHistory}): scope changes are shown, never hidden.
 */
@Component
class BurnCharts {

	private final ProgressRepository repository;

	private final PlanningService planning;

	private final BacklogOrder order;

	private final Clock clock;

	BurnCharts(ProgressRepository repository, PlanningService planning, BacklogOrder order, Clock clock) {
		this.repository = repository;
		this.planning = planning;
		this.order = order;
		this.clock = clock;
	}

	/**
	 * Each day of the sprint up to today: the points of the items in the sprint at the
	 * end of the day (scope), those not done (remaining), and the points added to or
	 * taken out of the sprint that day (by the day before, or by the sprint's start for
	 * its first day), with the item keys: scope changes are shown, not hidden.
	 */
	@Transactional(readOnly = true)
	List<BurndownDay> burndown(String productKey, long sprintId) {
		SprintView s = planning.sprint(productKey, sprintId);
		ScopeHistory history = history(productKey);
		List<Long> ever = history.everInSprint(sprintId);
		var run = repository.run(sprintId);
		Instant startedAt = run.map(ProgressRepository.Run::startedAt)
			.orElse(s.start().atStartOfDay(ZoneOffset.UTC).toInstant());
		// a closed sprint stays as it was closed: its spillover moved out when it closed,
		// which is no scope taken out
		Instant closedAt = run.filter(r -> "CLOSED".equals(r.state()))
			.map(ProgressRepository.Run::closedAt)
			.orElse(null);
		Set<String> spilled = closedAt == null ? Set.of() : new HashSet<>(repository.spilledOver(sprintId));
		LocalDate today = LocalDate.now(clock);
		List<BurndownDay> days = new ArrayList<>();
		Instant previous = startedAt;
		for (LocalDate d = s.start(); !d.isAfter(s.end()) && !d.isAfter(today); d = d.plusDays(1)) {
			// before the sprint was started, its scope is what it started with
			Instant endOfDay = max(d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), startedAt);
			if (closedAt != null && endOfDay.isAfter(closedAt)) {
				endOfDay = closedAt;
			}
			days.add(day(d, sprintId, ever, history, spilled, closedAt, previous, endOfDay));
			previous = endOfDay;
		}
		return days;
	}

	/**
	 * One day of the burndown, from {@code previous} to {@code endOfDay}; an item that
	 * spilled over counts in the sprint up to its close.
	 */
	private static BurndownDay day(LocalDate d, long sprintId, List<Long> ever, ScopeHistory history,
			Set<String> spilled, Instant closedAt, Instant previous, Instant endOfDay) {
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
		return new BurndownDay(d, remaining, scope, added, removed, addedItems, removedItems);
	}

	/**
	 * The release's scope and its done points at the close of each of its sprints, and
	 * now.
	 */
	@Transactional(readOnly = true)
	List<BurnupPoint> burnup(String productKey, long releaseId) {
		ScopeHistory history = history(productKey);
		List<Long> ever = history.everInRelease(releaseId);
		List<BurnupPoint> burnup = new ArrayList<>();
		for (Object[] run : repository.runHistory(productKey.toUpperCase(Locale.ROOT))) {
			if (run[3] != null && ((Long) run[3]) == releaseId) {
				burnup.add(burnupPoint((String) run[0], (Instant) run[4], ever, releaseId, history));
			}
		}
		burnup.add(burnupPoint("now", clock.instant(), ever, releaseId, history));
		return burnup;
	}

	private static BurnupPoint burnupPoint(String label, Instant at, List<Long> ever, long releaseId,
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
		String key = productKey.toUpperCase(Locale.ROOT);
		return new ScopeHistory(order.snapshot(key), planning.assignmentLog(key),
				repository.fieldChanges(key, "estimate"), repository.statusChanges(key, Instant.EPOCH));
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

}
