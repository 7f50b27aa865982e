package dev.priora.planning;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.accounts.UserId;
import dev.priora.backlog.BacklogOrder;
import dev.priora.problem.DomainProblem;
import dev.priora.backlog.BacklogSnapshot;
import dev.priora.backlog.ItemKey;
import dev.priora.backlog.ProductService;

/**
 * Releases and sprints with capacities, and which release (and sprint) each item is
 * planned for: the planning board.
 */
@Service
public class PlanningService {

	/** The board: releases with their items, sprints, and unplanned open items. */
	public record Board(List<ReleaseView> releases, List<SprintView> sprints, List<ReleaseView.PlannedItem> unplanned) {
	}

	private final PlanningRepository repository;

	private final ProductService products;

	private final BacklogOrder backlog;

	private final ItemAssignments assignments;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	PlanningService(PlanningRepository repository, ProductService products, BacklogOrder backlog,
			ItemAssignments assignments, Clock clock, ApplicationEventPublisher events) {
		this.repository = repository;
		this.products = products;
		this.backlog = backlog;
		this.assignments = assignments;
		this.clock = clock;
		this.events = events;
	}

	@Transactional(readOnly = true)
	public Board board(String productKey) {
		String key = products.get(productKey).key();
		BacklogSnapshot snapshot = backlog.snapshot(key);
		var assignments = repository.assignments(key);
		List<SprintView> sprints = repository.sprints(key);
		Map<Long, List<ReleaseView.PlannedItem>> byRelease = new LinkedHashMap<>();
		List<ReleaseView.PlannedItem> unplanned = new ArrayList<>();
		for (var e : snapshot.items()) {
			var a = assignments.get(e.id());
			var item = new ReleaseView.PlannedItem(e.key().toString(), e.title(), e.status().label(), e.estimate(),
					a == null ? null : a.sprintId());
			if (a != null && a.releaseId() != null) {
				byRelease.computeIfAbsent(a.releaseId(), k -> new ArrayList<>()).add(item);
			}
			else if (e.open() && e.type() != dev.priora.backlog.ItemType.EPIC) {
				unplanned.add(item);
			}
		}
		List<ReleaseView> releases = new ArrayList<>();
		for (var r : repository.releases(key)) {
			List<ReleaseView.PlannedItem> items = byRelease.getOrDefault(r.id(), List.of());
			BigDecimal planned = items.stream()
				.map(i -> i.estimate() == null ? BigDecimal.ZERO : i.estimate())
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			releases.add(new ReleaseView(r.id(), r.name(), r.targetDate(), capacity(r, sprints), r.fromSprints(),
					r.status(), planned, items, r.version()));
		}
		return new Board(releases, sprints, unplanned);
	}

	/** Where an item is planned: its release and sprint (either may be null). */
	public record Planned(Long releaseId, Long sprintId) {
	}

	/**
	 * Where each planned item of the product is, by item id (unplanned items left out).
	 */
	@Transactional(readOnly = true)
	public Map<Long, Planned> planned(String productKey) {
		Map<Long, Planned> result = new java.util.HashMap<>();
		repository.assignments(products.get(productKey).key())
			.forEach((id, a) -> result.put(id, new Planned(a.releaseId(), a.sprintId())));
		return result;
	}

	/**
	 * The product's releases as id → name, in the planning board's order, without items.
	 */
	@Transactional(readOnly = true)
	public Map<Long, String> releaseNames(String productKey) {
		Map<Long, String> result = new LinkedHashMap<>();
		repository.releases(products.get(productKey).key()).forEach(r -> result.put(r.id(), r.name()));
		return result;
	}

	/** An item's release and sprint from a moment on (both null: unplanned). */
	public record AssignmentChange(long itemId, Long releaseId, Long sprintId, java.time.Instant at) {
	}

	/** Every change of an item's release or sprint in the product, oldest first. */
	@Transactional(readOnly = true)
	public List<AssignmentChange> assignmentLog(String productKey) {
		return repository.assignmentLog(products.get(productKey).key());
	}

	public List<SprintView> sprints(String productKey) {
		return repository.sprints(products.get(productKey).key());
	}

	public SprintView sprint(String productKey, long id) {
		return repository.sprint(products.get(productKey).key(), id)
			.orElseThrow(() -> DomainProblem.notFound("Sprint " + id));
	}

	/** The items planned for a sprint, in backlog order. */
	@Transactional(readOnly = true)
	public List<ReleaseView.PlannedItem> sprintItems(String productKey, long sprintId) {
		String key = products.get(productKey).key();
		var assignments = repository.assignments(key);
		List<ReleaseView.PlannedItem> items = new ArrayList<>();
		for (var e : backlog.snapshot(key).items()) {
			var a = assignments.get(e.id());
			if (a != null && a.sprintId() != null && a.sprintId() == sprintId) {
				items.add(new ReleaseView.PlannedItem(e.key().toString(), e.title(), e.status().label(), e.estimate(),
						sprintId));
			}
		}
		return items;
	}

	public ReleaseView release(String productKey, long id) {
		return board(productKey).releases()
			.stream()
			.filter(r -> r.id() == id)
			.findFirst()
			.orElseThrow(() -> DomainProblem.notFound("Release " + id));
	}

	@Transactional
	public ReleaseView createRelease(String productKey, String name, LocalDate target, BigDecimal capacity,
			boolean fromSprints) {
		String key = products.get(productKey).key();
		String n = name(name, "name");
		if (repository.releaseNameTaken(key, n, -1)) {
			throw DomainProblem.invalid("name", "another release is called '" + n + "'");
		}
		long id = repository.insertRelease(key, n, target, capacity(capacity), fromSprints, clock.instant());
		events.publishEvent(new ReleasesEdited(key));
		return release(key, id);
	}

	@Transactional
	public ReleaseView updateRelease(String productKey, long id, String name, LocalDate target, BigDecimal capacity,
			boolean fromSprints, ReleaseStatus status, long expectedVersion) {
		String key = products.get(productKey).key();
		var current = repository.release(key, id).orElseThrow(() -> DomainProblem.notFound("Release " + id));
		String n = name(name, "name");
		if (repository.releaseNameTaken(key, n, id)) {
			throw DomainProblem.invalid("name", "another release is called '" + n + "'");
		}
		if (current.version() != expectedVersion || !repository.updateRelease(id, n, target, capacity(capacity),
				fromSprints, status == null ? current.status() : status, expectedVersion, clock.instant())) {
			throw DomainProblem.stale("Release " + current.name(), current.version(), "someone");
		}
		if (status == ReleaseStatus.RELEASED && current.status() != ReleaseStatus.RELEASED) {
			events.publishEvent(new ReleaseShipped(key, id, n));
		}
		events.publishEvent(new ReleasesEdited(key));
		return release(key, id);
	}

	/** Deletes a release; its items become unplanned. */
	@Transactional
	public void deleteRelease(String productKey, long id) {
		String key = products.get(productKey).key();
		repository.release(key, id).orElseThrow(() -> DomainProblem.notFound("Release " + id));
		repository.deleteRelease(id);
		events.publishEvent(new ReleasesEdited(key));
	}

	@Transactional
	public SprintView createSprint(String productKey, String name, LocalDate start, LocalDate end, BigDecimal capacity,
			String goal, Long releaseId) {
		String key = products.get(productKey).key();
		String n = name(name, "name");
		Map<String, String> errors = new LinkedHashMap<>();
		SprintEdits.checkDatesAndGoal(start, end, goal, errors);
		if (releaseId != null && repository.release(key, releaseId).isEmpty()) {
			errors.put("releaseId", "no release " + releaseId + " in " + key);
		}
		if (repository.sprintNameTaken(key, n, null)) {
			errors.put("name", "another sprint is called '" + n + "'");
		}
		if (!errors.isEmpty()) {
			throw DomainProblem.invalid(errors);
		}
		long id = repository.insertSprint(key, n, start, end, capacity(capacity), goal == null ? "" : goal.strip(),
				releaseId, clock.instant());
		events.publishEvent(new ReleasesEdited(key));
		return repository.sprint(key, id).orElseThrow();
	}

	/** Deletes a sprint; its items stay in their release. 409 for a closed sprint. */
	@Transactional
	public void deleteSprint(String productKey, long id) {
		String key = products.get(productKey).key();
		SprintView sprint = repository.sprint(key, id).orElseThrow(() -> DomainProblem.notFound("Sprint " + id));
		if (repository.sprintClosed(id)) {
			throw DomainProblem.conflict("sprint-closed", sprint.name()
					+ " is closed and cannot be deleted: its history feeds the velocity and the forecasts.");
		}
		repository.deleteSprint(id);
		events.publishEvent(new ReleasesEdited(key));
	}

	/** Each sprint's state (PLANNED, ACTIVE or CLOSED) by sprint id. */
	@Transactional(readOnly = true)
	public Map<Long, String> sprintStates(String productKey) {
		return repository.sprintStates(products.get(productKey).key());
	}

	/**
	 * Plans the item for a release (and sprint), or unplans it when both are null; a
	 * sprint brings its release. 400 naming {@code releaseId} or {@code sprintId} for
	 * another product's release or sprint, a closed sprint or a sprint of another
	 * release; 409 when the item would leave a closed sprint. Recorded in the item's
	 * history and published as its update.
	 */
	@Transactional
	public void assign(ItemKey item, Long releaseId, Long sprintId, UserId user) {
		assignments.assign(item, releaseId, sprintId, user, ItemAssignments.Fields.API);
	}

	/**
	 * Moves an item to a release (null: unplanned), keeping its sprint when that sprint
	 * belongs to no release or to the new one.
	 */
	@Transactional
	public void moveToRelease(ItemKey item, Long releaseId, UserId user) {
		assignments.toRelease(item, releaseId, user, ItemAssignments.Fields.API);
	}

	/**
	 * Moves an item to a sprint (null: out of its sprint); it joins the sprint's release,
	 * or keeps its own when the sprint belongs to none.
	 */
	@Transactional
	public void moveToSprint(ItemKey item, Long sprintId, UserId user) {
		assignments.toSprint(item, sprintId, user, ItemAssignments.Fields.API);
	}

	static BigDecimal capacity(PlanningRepository.ReleaseRow r, List<SprintView> sprints) {
		return !r.fromSprints() ? r.capacity()
				: sprints.stream()
					.filter(s -> s.releaseId() != null && s.releaseId() == r.id())
					.map(SprintView::capacity)
					.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	static BigDecimal capacity(BigDecimal c) {
		if (c != null && (c.signum() < 0 || c.compareTo(BigDecimal.valueOf(100_000)) > 0)) {
			throw DomainProblem.invalid("capacity", "must be from 0 to 100000 (in the product's unit)");
		}
		return c == null ? BigDecimal.ZERO : c;
	}

	static String name(String name, String field) {
		String n = name == null ? "" : name.strip();
		if (n.isEmpty() || n.length() > 100) {
			throw DomainProblem.invalid(field, "is required, at most 100 characters");
		}
		return n;
	}

}
