package dev.priora.planning;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.accounts.UserId;
import dev.priora.problem.DomainProblem;
import dev.priora.backlog.BacklogService;
import dev.priora.backlog.BacklogService.FieldChange;
import dev.priora.backlog.ItemIds;
import dev.priora.backlog.ItemKey;
import dev.priora.backlog.ItemPlans;
import dev.priora.backlog.ProductService;

/**
 * Which release and sprint each item is planned for, and the one set of rules for
 * changing it, used by the planning API and pages ({@link PlanningService}), by optimizer
 * plans applied and undone ({@link PlanApplier}, many items at once) and by the backlog's
 * rows and bulk changes (as the backlog's {@link ItemPlans}): the release and sprint must
 * be the product's, a sprint of a release brings that release, a closed sprint takes no
 * item and keeps its items. Every change is recorded in the item's history (release and
 * sprint by name) and published as the item's update.
 */
@Component
class ItemAssignments implements ItemPlans {

	/** The names a refusal gives the release and the sprint: the API's, or the rows'. */
	record Fields(String release, String sprint) {

		static final Fields API = new Fields("releaseId", "sprintId");

		static final Fields ROWS = new Fields("release", "sprint");

	}

	/** An item and where a change of many items puts it (both null: unplanned). */
	record Move(ItemKey item, long itemId, Plan to) {
	}

	private final PlanningRepository repository;

	private final ProductService products;

	private final BacklogService backlog;

	private final ItemIds itemIds;

	private final Clock clock;

	ItemAssignments(PlanningRepository repository, ProductService products, BacklogService backlog, ItemIds itemIds,
			Clock clock) {
		this.repository = repository;
		this.products = products;
		this.backlog = backlog;
		this.itemIds = itemIds;
		this.clock = clock;
	}

	/** Plans the item for exactly this release and sprint (both null: unplanned). */
	@Transactional
	Plan assign(ItemKey item, Long releaseId, Long sprintId, UserId user, Fields fields) {
		String key = products.get(item.productKey()).key();
		long itemId = itemIds.inProduct(key, item).value();
		return write(key, item, itemId, target(key, releaseId, sprintId, fields), user, fields, null);
	}

	/**
	 * Moves an item to a release (null: unplanned), keeping its sprint when that sprint
	 * belongs to no release or to the new one.
	 */
	@Transactional
	Plan toRelease(ItemKey item, Long releaseId, UserId user, Fields fields) {
		String key = products.get(item.productKey()).key();
		long itemId = itemIds.inProduct(key, item).value();
		Long sprintId = repository.assignment(itemId).sprintId();
		if (sprintId != null) {
			Long sprintRelease = repository.sprint(key, sprintId).map(SprintView::releaseId).orElse(null);
			if (releaseId == null || (sprintRelease != null && !sprintRelease.equals(releaseId))) {
				sprintId = null;
			}
		}
		return write(key, item, itemId, target(key, releaseId, sprintId, fields), user, fields, null);
	}

	/**
	 * Moves an item to a sprint (null: out of its sprint); it joins the sprint's release,
	 * or keeps its own when the sprint belongs to none.
	 */
	@Transactional
	Plan toSprint(ItemKey item, Long sprintId, UserId user, Fields fields) {
		String key = products.get(item.productKey()).key();
		long itemId = itemIds.inProduct(key, item).value();
		Long releaseId = repository.assignment(itemId).releaseId();
		if (sprintId != null) {
			Long sprintRelease = sprint(key, sprintId, fields).releaseId();
			releaseId = sprintRelease != null ? sprintRelease : releaseId;
		}
		return write(key, item, itemId, target(key, releaseId, sprintId, fields), user, fields, null);
	}

	@Override
	@Transactional(readOnly = true)
	public Choices choices(String productKey) {
		String key = products.get(productKey).key();
		Set<Long> closed = repository.closedSprints(key);
		List<Choice> releases = repository.releases(key)
			.stream()
			.map(r -> new Choice(r.id(), r.name(), r.status() != ReleaseStatus.RELEASED))
			.toList();
		List<Choice> sprints = repository.sprints(key)
			.stream()
			.map(s -> new Choice(s.id(), s.name(), !closed.contains(s.id())))
			.toList();
		return new Choices(releases, sprints);
	}

	@Override
	@Transactional(readOnly = true)
	public Map<ItemKey, Plan> plans(String productKey, Collection<ItemKey> items) {
		String key = products.get(productKey).key();
		List<Long> numbers = items.stream().filter(i -> i.productKey().equals(key)).map(ItemKey::number).toList();
		Map<ItemKey, Plan> result = new HashMap<>();
		repository.assignmentsByNumber(key, numbers)
			.forEach((n, a) -> result.put(new ItemKey(key, n), new Plan(a.releaseId(), a.sprintId())));
		return result;
	}

	@Override
	@Transactional(readOnly = true)
	public void check(String productKey, Target release, Target sprint) {
		String key = products.get(productKey).key();
		if (release != null && release.id() != null) {
			release(key, release.id(), Fields.ROWS);
		}
		if (sprint != null && sprint.id() != null) {
			target(key, release == null ? null : release.id(), sprint.id(), Fields.ROWS);
		}
	}

	@Override
	@Transactional
	public Plan plan(ItemKey item, Target release, Target sprint, UserId user) {
		if (release != null && sprint != null) {
			return assign(item, release.id(), sprint.id(), user, Fields.ROWS);
		}
		if (release != null) {
			return toRelease(item, release.id(), user, Fields.ROWS);
		}
		if (sprint != null) {
			return toSprint(item, sprint.id(), user, Fields.ROWS);
		}
		String key = products.get(item.productKey()).key();
		var now = repository.assignment(itemIds.inProduct(key, item).value());
		return new Plan(now.releaseId(), now.sprintId());
	}

	@Override
	@Transactional
	public void restore(ItemKey item, Plan after, Plan before, UserId user, String note) {
		String key = products.get(item.productKey()).key();
		long itemId = itemIds.inProduct(key, item).value();
		var now = repository.assignment(itemId);
		if (!new Plan(now.releaseId(), now.sprintId()).equals(after)) {
			throw DomainProblem.conflict("changed-since", item
					+ "'s release or sprint was changed after this bulk change; undo it by hand. Nothing was undone.");
		}
		if (before.releaseId() != null && repository.release(key, before.releaseId()).isEmpty()
				|| before.sprintId() != null && repository.sprint(key, before.sprintId()).isEmpty()) {
			throw DomainProblem.conflict("changed-since",
					"The release or sprint " + item + " was in was deleted since. Nothing was undone.");
		}
		if (before.sprintId() != null && !before.sprintId().equals(after.sprintId())
				&& repository.sprintClosed(before.sprintId())) {
			throw closed(sprintName(key, before.sprintId()) + " was closed since; " + item
					+ " cannot go back into it. Nothing was undone", Fields.ROWS);
		}
		write(key, item, itemId, before, user, Fields.ROWS, note);
	}

	/**
	 * Where the item goes: the release and sprint checked (the product's, the sprint not
	 * closed and of the same release), the sprint's release when none is given.
	 */
	private Plan target(String key, Long releaseId, Long sprintId, Fields fields) {
		if (releaseId != null) {
			release(key, releaseId, fields);
		}
		if (sprintId == null) {
			return new Plan(releaseId, null);
		}
		SprintView sprint = sprint(key, sprintId, fields);
		if (repository.sprintClosed(sprintId)) {
			throw DomainProblem.invalid(fields.sprint(),
					sprint.name() + " is closed; choose a sprint that is not closed");
		}
		if (sprint.releaseId() != null && releaseId != null && !sprint.releaseId().equals(releaseId)) {
			throw DomainProblem.invalid(fields.sprint(),
					"sprint " + sprint.name() + " belongs to another release (" + sprint.releaseId() + ")");
		}
		return new Plan(releaseId == null ? sprint.releaseId() : releaseId, sprintId);
	}

	/**
	 * Moves many items of the product in one change (an optimizer plan applied or
	 * undone), each to exactly its release and sprint, by the rules of one item: every
	 * release and sprint must still be the product's (409 {@code changed-since}) and no
	 * item leaves or enters a closed sprint (409 {@code sprint-closed}, naming the
	 * items); nothing is changed then. Each item that changes is recorded in its history
	 * (with {@code note}) and published as its update.
	 */
	@Transactional
	void moveAll(String productKey, List<Move> moves, UserId user, String note) {
		Places places = Places.of(repository, productKey);
		Map<Long, PlanningRepository.Assignment> now = repository.assignments(productKey);
		List<String> closed = new ArrayList<>();
		for (Move m : moves) {
			Plan to = m.to();
			if (to.releaseId() != null && !places.releases().containsKey(to.releaseId())
					|| to.sprintId() != null && !places.sprints().containsKey(to.sprintId())) {
				throw DomainProblem.conflict("changed-since",
						"The release or sprint " + m.item() + " would go to was deleted since. Nothing was changed.");
			}
			Long from = before(now, m.itemId()).sprintId();
			if (!Objects.equals(from, to.sprintId()) && (places.closed(from) || places.closed(to.sprintId()))) {
				closed.add(m.item() + " (" + places.sprint(places.closed(from) ? from : to.sprintId()) + ")");
			}
		}
		if (!closed.isEmpty()) {
			throw DomainProblem.conflict("sprint-closed", "A closed sprint keeps its items and takes no others: "
					+ String.join(", ", closed) + ". Nothing was changed.");
		}
		for (Move m : moves) {
			write(m.item(), m.itemId(), before(now, m.itemId()), m.to(), places, user, Fields.API, note);
		}
	}

	private Plan write(String key, ItemKey item, long itemId, Plan target, UserId user, Fields fields, String note) {
		return write(item, itemId, repository.assignment(itemId), target, Places.of(repository, key), user, fields,
				note);
	}

	private Plan write(ItemKey item, long itemId, PlanningRepository.Assignment before, Plan target, Places places,
			UserId user, Fields fields, String note) {
		boolean sprintChanges = !Objects.equals(before.sprintId(), target.sprintId());
		if (sprintChanges && places.closed(before.sprintId())) {
			throw closed(item + " is in " + places.sprint(before.sprintId())
					+ ", which is closed; a closed sprint keeps its items", fields);
		}
		repository.assign(itemId, target.releaseId(), target.sprintId(), user.value(), clock.instant());
		List<FieldChange> changes = new ArrayList<>();
		if (!Objects.equals(before.releaseId(), target.releaseId())) {
			changes.add(
					new FieldChange("release", places.release(before.releaseId()), places.release(target.releaseId())));
		}
		if (sprintChanges) {
			changes.add(new FieldChange("sprint", places.sprint(before.sprintId()), places.sprint(target.sprintId())));
		}
		backlog.recordChanges(item, changes, note, user);
		return target;
	}

	private static PlanningRepository.Assignment before(Map<Long, PlanningRepository.Assignment> now, long itemId) {
		return now.getOrDefault(itemId, new PlanningRepository.Assignment(itemId, null, null));
	}

	private static DomainProblem closed(String reason, Fields fields) {
		return DomainProblem.conflict("sprint-closed", reason + ".")
			.with("errors", List.of(Map.of("field", fields.sprint(), "reason", reason)));
	}

	private PlanningRepository.ReleaseRow release(String key, long id, Fields fields) {
		return repository.release(key, id)
			.orElseThrow(() -> DomainProblem.invalid(fields.release(), "no release " + id + " in " + key));
	}

	private SprintView sprint(String key, long id, Fields fields) {
		return repository.sprint(key, id)
			.orElseThrow(() -> DomainProblem.invalid(fields.sprint(), "no sprint " + id + " in " + key));
	}

	private String sprintName(String key, Long id) {
		return id == null ? null : repository.sprint(key, id).map(SprintView::name).orElse(null);
	}

}
