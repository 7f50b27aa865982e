package dev.priora.progress;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.accounts.UserId;
import dev.priora.problem.DomainProblem;
import dev.priora.backlog.BacklogService;
import dev.priora.backlog.ItemIds;
import dev.priora.backlog.ItemKey;
import dev.priora.backlog.ItemStatus;
import dev.priora.planning.PlanningService;
import dev.priora.planning.SprintView;
import dev.priora.progress.ProgressService.SprintRun;

/**
 * Sprint runs ({@code sprint_runs}): start with the points committed (the Definition of
 * Ready checked, one sprint running at a time), close with the points completed and the
 * unfinished items recorded as spillover and moved on, and the velocity history.
 */
@Component
class SprintRuns {

	private final ProgressRepository repository;

	private final PlanningService planning;

	private final BacklogService backlog;

	private final ApplicationEventPublisher events;

	private final ItemIds itemIds;

	private final Clock clock;

	SprintRuns(ProgressRepository repository, PlanningService planning, BacklogService backlog, ItemIds itemIds,
			ApplicationEventPublisher events, Clock clock) {
		this.itemIds = itemIds;
		this.repository = repository;
		this.planning = planning;
		this.backlog = backlog;
		this.events = events;
		this.clock = clock;
	}

	List<SprintRun> sprints(String productKey) {
		List<SprintRun> result = new ArrayList<>();
		for (SprintView s : planning.sprints(productKey)) {
			result.add(run(s));
		}
		return result;
	}

	SprintRun sprint(String productKey, long id) {
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
	SprintRun start(String productKey, long sprintId, boolean force, UserId user) {
		SprintView s = planning.sprint(productKey, sprintId);
		if (repository.run(sprintId).isPresent()) {
			throw DomainProblem.conflict("sprint-started", s.called() + " has started already.");
		}
		for (SprintRun other : sprints(productKey)) {
			if ("ACTIVE".equals(other.state())) {
				throw DomainProblem.conflict("sprint-running",
						other.sprint().called() + " is running: close it before starting " + s.name() + ".");
			}
		}
		var items = planning.sprintItems(productKey, sprintId);
		if (items.isEmpty()) {
			throw DomainProblem.conflict("sprint-empty", "Plan items for sprint " + s.name() + " before starting it.");
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
			throw DomainProblem.conflict("items-not-ready",
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
	SprintRun close(String productKey, long sprintId, Long nextSprintId, UserId user) {
		SprintView s = planning.sprint(productKey, sprintId);
		var run = repository.run(sprintId)
			.orElseThrow(() -> DomainProblem.conflict("sprint-not-started", s.called() + " has not started."));
		if (!"ACTIVE".equals(run.state())) {
			throw DomainProblem.conflict("sprint-closed", s.called() + " is closed already.");
		}
		if (nextSprintId != null) {
			if (nextSprintId == sprintId) {
				throw DomainProblem.invalid("nextSprintId", "is the sprint being closed");
			}
			SprintView next = planning.sprint(productKey, nextSprintId);
			var nextRun = repository.run(nextSprintId);
			if (nextRun.isPresent()) {
				// a closed sprint's items are its history, and only one sprint runs
				throw DomainProblem.conflict("next-sprint-started",
						next.called() + ("CLOSED".equals(nextRun.get().state()) ? " is closed" : " is running")
								+ ": send the unfinished items to a sprint that has not started, or to no sprint.");
			}
		}
		BigDecimal done = BigDecimal.ZERO;
		for (var i : planning.sprintItems(productKey, sprintId)) {
			BigDecimal points = i.estimate() == null ? BigDecimal.ZERO : i.estimate();
			if (ItemStatus.DONE.label().equals(i.status())) {
				done = done.add(points);
			}
			else if (!ItemStatus.REJECTED.label().equals(i.status())) {
				ItemKey key = ItemKey.parse(i.key()).orElseThrow();
				repository.spillover(sprintId, itemIds.get(key).value(), i.estimate(), nextSprintId);
				planning.moveToSprint(key, nextSprintId, user);
			}
		}
		repository.close(sprintId, done, user.value(), clock.instant());
		SprintRun closed = sprint(productKey, sprintId);
		events.publishEvent(new SprintClosed(productKey.toUpperCase(Locale.ROOT), sprintId, s.name(),
				closed.committed(), done, closed.spillover()));
		return closed;
	}

	/** Completed points of closed sprints, oldest first. */
	List<BigDecimal> velocities(String productKey) {
		return repository.runs(productKey.toUpperCase(Locale.ROOT))
			.stream()
			.filter(r -> "CLOSED".equals(r.state()))
			.map(ProgressRepository.Run::completed)
			.toList();
	}

}
