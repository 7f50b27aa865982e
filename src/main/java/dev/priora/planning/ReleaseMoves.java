package dev.priora.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.accounts.UserId;
import dev.priora.backlog.ItemKey;
import dev.priora.backlog.ItemPlans.Plan;
import dev.priora.backlog.ItemIds;
import dev.priora.backlog.ProductService;
import dev.priora.problem.DomainProblem;

/**
 * Moves some of a release's items to another release or out to the backlog as one change
 * through {@link ItemAssignments#moveAll} (as a plan's apply: each moved item's history
 * carries the note, {@code item.updated} is published, a closed sprint keeps its items
 * and nothing is written when one move is refused), for "what would it take".
 */
@Component
public class ReleaseMoves {

	private final ItemAssignments assignments;

	private final PlanningRepository repository;

	private final ProductService products;

	private final ItemIds itemIds;

	ReleaseMoves(ItemAssignments assignments, PlanningRepository repository, ProductService products, ItemIds itemIds) {
		this.assignments = assignments;
		this.repository = repository;
		this.products = products;
		this.itemIds = itemIds;
	}

	/** Where a moved item was: its key and its sprint then (null: none). */
	public record Back(String item, Long sprintId) {
	}

	/**
	 * Moves {@code items} (keys), each of which must still be in release {@code from}
	 * (409 naming the first that is not), to release {@code to} (null: the backlog), out
	 * of their sprints; {@code note} goes to each item's history. Returns where each was,
	 * for {@link #moveBack}.
	 */
	@Transactional
	public List<Back> move(String productKey, long from, List<String> items, Long to, UserId user, String note) {
		String key = products.get(productKey).key();
		Map<Long, PlanningRepository.Assignment> now = repository.assignments(key);
		List<ItemAssignments.Move> moves = new ArrayList<>();
		Set<String> seen = new java.util.HashSet<>();
		List<Back> back = new ArrayList<>();
		for (String item : items) {
			ItemKey itemKey = ItemKey.inProduct(key, item);
			if (!seen.add(itemKey.toString())) {
				continue;
			}
			long id = itemIds.inProduct(key, itemKey).value();
			var a = now.get(id);
			if (a == null || a.releaseId() == null || a.releaseId() != from) {
				throw DomainProblem.conflict("changed-since",
						itemKey + " is no longer in this release; preview again. Nothing was moved.");
			}
			moves.add(new ItemAssignments.Move(itemKey, id, new Plan(to, null)));
			back.add(new Back(itemKey.toString(), a.sprintId()));
		}
		assignments.moveAll(key, moves, user, note);
		return back;
	}

	/**
	 * Undoes a {@link #move}: each item, which must still be where it was moved (release
	 * {@code movedTo}, null: the backlog, and no sprint; 409 naming the first that is
	 * not), goes back to release {@code release} and its sprint, as one change.
	 */
	@Transactional
	public void moveBack(String productKey, long release, Long movedTo, List<Back> items, UserId user, String note) {
		String key = products.get(productKey).key();
		Map<Long, PlanningRepository.Assignment> now = repository.assignments(key);
		List<ItemAssignments.Move> moves = new ArrayList<>();
		for (Back b : items) {
			ItemKey itemKey = ItemKey.inProduct(key, b.item());
			var found = itemIds.find(itemKey).filter(x -> itemKey.productKey().equals(key));
			if (found.isEmpty()) {
				throw DomainProblem.conflict("changed-since", itemKey + " no longer exists; nothing was moved back.");
			}
			long id = found.get().value();
			var a = now.get(id);
			Long releaseNow = a == null ? null : a.releaseId();
			if (!java.util.Objects.equals(releaseNow, movedTo) || a != null && a.sprintId() != null) {
				throw DomainProblem.conflict("changed-since",
						itemKey + " has been moved since; nothing was moved back.");
			}
			moves.add(new ItemAssignments.Move(itemKey, id, new Plan(release, b.sprintId())));
		}
		assignments.moveAll(key, moves, user, note);
	}

}
