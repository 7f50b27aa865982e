package dev.priora.backlog;

import dev.priora.problem.DomainProblem;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.accounts.UserId;

/**
 * Many items changed at once — status, estimate, a label, release, sprint, or moved to
 * the top or bottom — as one change in one transaction (every item is checked; one
 * refusal writes nothing), and its undo, which puts every field, the release and sprint,
 * and the order back as they were. Each item keeps its history and version checks: the
 * undo ({@link BulkUndo}) is refused (409) for an item edited or planned elsewhere since.
 * Release and sprint go through {@link ItemPlans} (implemented by {@code planning}).
 */
@Service
public class BulkEdits {

	/** Most items one bulk change may name. */
	public static final int MAX_ITEMS = 500;

	/**
	 * Where selected items go: the top or the bottom of the backlog, keeping their order.
	 */
	public enum Position {

		TOP, BOTTOM

	}

	/**
	 * What to do to the items: any of a new status, an estimate (from the product's
	 * scale), a label to add, a release or sprint ({@link ItemPlans.Target#NONE}: none),
	 * a new place. Null fields stay as they are.
	 */
	public record BulkChange(List<ItemKey> items, ItemStatus status, BigDecimal estimate, String label,
			ItemPlans.Target release, ItemPlans.Target sprint, Position position) {
		public BulkChange {
			items = items == null ? List.of() : List.copyOf(new LinkedHashSet<>(items));
			label = label == null || label.isBlank() ? null : label.strip();
		}

		/** Whether the change sets a release or a sprint. */
		boolean plans() {
			return release != null || sprint != null;
		}
	}

	/**
	 * A change made: its id (for the undo), how many items, and what was done in words.
	 */
	public record BulkResult(long changeId, int items, String summary) {
	}

	private final ProductService products;

	private final ProductRepository productRows;

	private final ItemRepository items;

	private final BulkChangeRepository changes;

	private final BacklogService backlog;

	private final BulkUndo undoing;

	private final ItemPlans plans;

	private final java.time.Clock clock;

	BulkEdits(ProductService products, ProductRepository productRows, ItemRepository items,
			BulkChangeRepository changes, BacklogService backlog, BulkUndo undoing, ItemPlans plans,
			java.time.Clock clock) {
		this.products = products;
		this.productRows = productRows;
		this.items = items;
		this.changes = changes;
		this.backlog = backlog;
		this.undoing = undoing;
		this.plans = plans;
		this.clock = clock;
	}

	/** Applies the change to every item, or to none (400/404/409 naming the item). */
	@Transactional
	public BulkResult apply(String productKey, BulkChange change, UserId user) {
		ProductView product = products.get(productKey);
		check(change);
		if (change.plans()) {
			plans.check(product.key(), change.release(), change.sprint());
		}
		productRows.lock(product.id());
		List<ItemRow> rows = rows(product, change.items());
		Map<Long, List<String>> labels = items.labels(rows.stream().map(ItemRow::id).toList());
		for (ItemRow r : rows) {
			if (change.status() != null && r.status() != change.status() && !r.status().canChangeTo(change.status())) {
				throw DomainProblem.conflict("bulk-refused", new ItemKey(productKey, r.number()) + " is "
						+ r.status().label().toLowerCase(java.util.Locale.ROOT) + " and cannot become "
						+ change.status().label().toLowerCase(java.util.Locale.ROOT) + "; nothing was changed.");
			}
		}
		for (ItemRow r : rows) {
			ItemKey key = new ItemKey(productKey, r.number());
			List<String> before = labels.getOrDefault(r.id(), List.of());
			if (change.estimate() != null || change.label() != null) {
				List<String> after = new ArrayList<>(before);
				if (change.label() != null && !after.contains(change.label())) {
					after.add(change.label());
				}
				BigDecimal estimate = change.estimate() != null ? change.estimate() : r.estimate();
				backlog.edit(key, d -> new ItemDraft(d.type(), d.title(), d.description(), estimate, after, d.parent(),
						d.acceptanceCriteria()), change.status(), r.version(), false, user);
			}
			else if (change.status() != null) {
				backlog.changeStatus(key, change.status(), r.version(), false, user);
			}
		}
		Map<Long, ItemPlans.Plan[]> planned = plan(product, rows, change, user);
		move(productKey, rows, change.position(), user);
		String summary = summary(change, change.plans() ? plans.choices(product.key()) : null);
		long id = changes.insert(product.id().value(), summary, user.value(), clock.instant());
		for (ItemRow r : rows) {
			ItemRow now = items.find(product.id().value(), r.number()).orElseThrow();
			ItemPlans.Plan[] plan = planned.getOrDefault(r.id(), new ItemPlans.Plan[2]);
			changes.insertItem(id, new BulkChangeRepository.Before(r.id(), r.status(), r.estimate(),
					labels.getOrDefault(r.id(), List.of()), r.rank(), now.version(), now.rank(), plan[0], plan[1]));
		}
		return new BulkResult(id, rows.size(), summary);
	}

	/**
	 * Puts every field and place of the change's items back; 409 when an item was edited
	 * or moved since, or the change was undone already; 404 for an unknown change.
	 */
	@Transactional
	public BulkResult undo(String productKey, long changeId, UserId user) {
		return undoing.undo(productKey, changeId, user);
	}

	/**
	 * Plans every item for the change's release or sprint; what each was planned for
	 * before and after, by item id (none when the change sets neither).
	 */
	private Map<Long, ItemPlans.Plan[]> plan(ProductView product, List<ItemRow> rows, BulkChange change, UserId user) {
		Map<Long, ItemPlans.Plan[]> result = new java.util.HashMap<>();
		if (!change.plans()) {
			return result;
		}
		List<ItemKey> keys = rows.stream().map(r -> new ItemKey(product.key(), r.number())).toList();
		Map<ItemKey, ItemPlans.Plan> before = plans.plans(product.key(), keys);
		for (ItemRow r : rows) {
			ItemKey key = new ItemKey(product.key(), r.number());
			ItemPlans.Plan after = plans.plan(key, change.release(), change.sprint(), user);
			result.put(r.id(), new ItemPlans.Plan[] { before.getOrDefault(key, ItemPlans.Plan.NONE), after });
		}
		return result;
	}

	private void move(String productKey, List<ItemRow> rows, Position position, UserId user) {
		if (position == null) {
			return;
		}
		List<ItemRow> inOrder = new ArrayList<>(rows);
		inOrder.sort(Comparator.comparing(ItemRow::rank));
		if (position == Position.TOP) {
			java.util.Collections.reverse(inOrder);
		}
		Placement placement = position == Position.TOP ? new Placement.Top() : new Placement.Bottom();
		for (ItemRow r : inOrder) {
			backlog.move(new ItemKey(productKey, r.number()), placement, user);
		}
	}

	private List<ItemRow> rows(ProductView product, List<ItemKey> keys) {
		Map<ItemKey, ItemRow> rows = new LinkedHashMap<>();
		for (ItemKey k : keys) {
			if (!k.productKey().equals(product.key())) {
				throw DomainProblem.invalid("items", k + " is not in product " + product.key());
			}
			rows.put(k, items.find(product.id().value(), k.number())
				.orElseThrow(() -> DomainProblem.invalid("items", k + " does not exist")));
		}
		return List.copyOf(rows.values());
	}

	private static void check(BulkChange c) {
		if (c.items().isEmpty()) {
			throw DomainProblem.invalid("items", "select at least one item");
		}
		if (c.items().size() > MAX_ITEMS) {
			throw DomainProblem.invalid("items", "at most " + MAX_ITEMS + " items at once");
		}
		if (c.status() == null && c.estimate() == null && c.label() == null && !c.plans() && c.position() == null) {
			throw DomainProblem.invalid("action",
					"choose what to change: status, estimate, label, release, sprint or position");
		}
	}

	private static String summary(BulkChange c, ItemPlans.Choices choices) {
		List<String> parts = new ArrayList<>();
		if (c.status() != null) {
			parts.add("status " + c.status().label().toLowerCase(java.util.Locale.ROOT));
		}
		if (c.estimate() != null) {
			parts.add("estimate " + c.estimate().stripTrailingZeros().toPlainString());
		}
		if (c.label() != null) {
			parts.add("label " + c.label());
		}
		if (c.release() != null) {
			parts.add(c.release().id() == null ? "no release" : "release " + choices.release(c.release().id()).name());
		}
		if (c.sprint() != null) {
			parts.add(c.sprint().id() == null ? "no sprint" : "sprint " + choices.sprint(c.sprint().id()).name());
		}
		if (c.position() != null) {
			parts.add(c.position() == Position.TOP ? "moved to the top" : "moved to the bottom");
		}
		String items = c.items().size() == 1 ? "1 item" : c.items().size() + " items";
		String text = items + ": " + String.join(", ", parts);
		return text.length() > 300 ? text.substring(0, 299) + "…" : text;
	}

}
