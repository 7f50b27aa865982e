package dev.priora.backlog;

import dev.priora.problem.DomainProblem;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.accounts.UserId;
import dev.priora.backlog.BacklogEvents.DescriptionWritten;
import dev.priora.backlog.BacklogEvents.ItemCreated;
import dev.priora.backlog.BacklogEvents.ItemMoved;
import dev.priora.backlog.BacklogEvents.ItemUpdated;
import dev.priora.backlog.HistoryRepository.Change;

/**
 * Backlog items: create, read, list, edit, change status, move and delete; every change
 * is one transaction.
 */
@Service
public class BacklogService {

	/** Largest page a listing returns. */
	public static final int MAX_PAGE_SIZE = 200;

	private final ProductService products;

	private final ProductRepository productRows;

	private final ItemRepository items;

	private final ListingRepository listing;

	private final RankRepository ranks;

	private final HistoryRepository history;

	private final ItemOrdering ordering;

	private final ItemRows rows;

	private final StatusWorkflow workflow;

	private final ItemViews views;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	BacklogService(ProductService products, ProductRepository productRows, ItemRepository items,
			ListingRepository listing, RankRepository ranks, HistoryRepository history, ItemOrdering ordering,
			ItemRows rows, StatusWorkflow workflow, ItemViews views, ApplicationEventPublisher events, Clock clock) {
		this.products = products;
		this.productRows = productRows;
		this.items = items;
		this.listing = listing;
		this.ranks = ranks;
		this.history = history;
		this.ordering = ordering;
		this.rows = rows;
		this.workflow = workflow;
		this.views = views;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Creates an item with status NEW at the given place (top, bottom, before or after
	 * another item).
	 */
	@Transactional
	public ItemView create(String productKey, ItemDraft draft, Placement placement, UserId user) {
		ProductView product = products.get(productKey);
		ItemDraft d = DraftValidator.normalize(draft, product.estimateScale());
		Long parentId = views.parentId(product, d, null);
		ItemRow target = rows.targetOf(product, placement, null);
		long number = productRows.lockAndTakeItemNumber(product.id());
		String rank = ordering.rankFor(product.id().value(), null, placement, target).orElseThrow();
		Instant now = clock.instant();
		long id = items.insert(new ItemRow(0, product.id().value(), number, d.type(), d.title(), d.description(),
				d.estimate(), ItemStatus.NEW, parentId, rank, now, user.value(), now, user.value(), 0));
		items.replaceLabels(id, d.labels());
		items.replaceCriteria(id, d.acceptanceCriteria());
		history.record(id, List.of(new Change("created", null, d.type().label() + ": " + d.title(), null)),
				user.value(), now);
		ItemKey key = new ItemKey(product.key(), number);
		events.publishEvent(new ItemCreated(new ItemId(id), key));
		events.publishEvent(new DescriptionWritten(new ItemId(id), key, d.title(), null, d.description(), user));
		return item(key);
	}

	/** The item with criteria, readiness, dependencies; an epic's roll-up, children. */
	@Transactional(readOnly = true)
	public ItemView item(ItemKey key) {
		ProductView product = products.get(key.productKey());
		return views.view(product, rows.row(product, key));
	}

	/** The item as a backlog row: list fields, readiness, dependency counts, demand. */
	@Transactional(readOnly = true)
	public ItemSummary summary(ItemKey key) {
		ProductView product = products.get(key.productKey());
		return views.summary(product, rows.row(product, key));
	}

	/**
	 * One page in backlog order; {@code cursor} is the previous page's {@code nextCursor}
	 * or null.
	 */
	@Transactional(readOnly = true)
	public ItemPage page(String productKey, ItemFilter filter, String cursor, int limit) {
		if (limit < 1 || limit > MAX_PAGE_SIZE) {
			throw DomainProblem.invalid("limit", "must be from 1 to " + MAX_PAGE_SIZE);
		}
		ProductView product = products.get(productKey);
		return views.page(product, filter, cursor, limit);
	}

	/** The product's team members items can be assigned to, by name (to filter by). */
	@Transactional(readOnly = true)
	public List<ItemAssignee> assignable(String productKey) {
		return listing.assignable(products.get(productKey).key());
	}

	/**
	 * Replaces the editable fields when {@code expectedVersion} is current; records each
	 * changed field.
	 */
	@Transactional
	public ItemView update(ItemKey key, ItemDraft draft, long expectedVersion, UserId user) {
		ProductView product = products.get(key.productKey());
		ItemRow row = views.checkVersion(rows.row(product, key), expectedVersion);
		ItemDraft d = DraftValidator.normalize(draft, product.estimateScale());
		Long parentId = views.parentId(product, d, row);
		if (row.type() == ItemType.EPIC && d.type() != ItemType.EPIC && items.hasChildren(row.id())) {
			throw DomainProblem.conflict("epic-has-children", key + " has children; it must stay an epic.");
		}
		List<Change> changes = views.diff(product, row, d, parentId);
		if (changes.isEmpty()) {
			return item(key);
		}
		Instant now = clock.instant();
		ItemRow updated = new ItemRow(row.id(), row.productId(), row.number(), d.type(), d.title(), d.description(),
				d.estimate(), row.status(), parentId, row.rank(), row.createdAt(), row.createdBy(), now, user.value(),
				row.version());
		rows.write(product, updated, expectedVersion, key);
		items.replaceLabels(row.id(), d.labels());
		items.replaceCriteria(row.id(), d.acceptanceCriteria());
		history.record(row.id(), changes, user.value(), now);
		events.publishEvent(new ItemUpdated(new ItemId(row.id()), key, expectedVersion + 1));
		if (!Objects.equals(row.description(), d.description())) {
			events.publishEvent(new DescriptionWritten(new ItemId(row.id()), key, d.title(), row.description(),
					d.description(), user));
		}
		return item(key);
	}

	/**
	 * Applies a partial change in one transaction: first the fields, then the status (if
	 * given), both against {@code expectedVersion}.
	 */
	@Transactional
	public ItemView edit(ItemKey key, UnaryOperator<ItemDraft> fields, ItemStatus status, long expectedVersion,
			boolean force, UserId user) {
		ItemView current = item(key);
		ItemView updated = update(key, fields.apply(ItemDraft.of(current)), expectedVersion, user);
		long version = updated.version() == current.version() ? expectedVersion : updated.version();
		return status == null ? updated : changeStatus(key, status, version, force, user);
	}

	/**
	 * Changes the status along the workflow. Moving to READY checks the Definition of
	 * Ready; {@code force} overrides a failed check and records that it did.
	 */
	@Transactional
	public ItemView changeStatus(ItemKey key, ItemStatus target, long expectedVersion, boolean force, UserId user) {
		return changeStatus(key, target, expectedVersion, force, user, null);
	}

	/**
	 * As {@link #changeStatus(ItemKey, ItemStatus, long, boolean, UserId)}, with a reason
	 * kept in the history.
	 */
	@Transactional
	public ItemView changeStatus(ItemKey key, ItemStatus target, long expectedVersion, boolean force, UserId user,
			String reason) {
		workflow.change(products.get(key.productKey()), key, target, expectedVersion, force, user, reason);
		return item(key);
	}

	/**
	 * Moves the item; one row is written (rarely, a rebalance rewrites the product's
	 * keys).
	 */
	@Transactional
	public void move(ItemKey key, Placement placement, UserId user) {
		ProductView product = products.get(key.productKey());
		ItemRow target = rows.targetOf(product, placement, key);
		productRows.lock(product.id());
		ItemRow row = rows.row(product, key);
		ItemRow freshTarget = target == null ? null : rows.row(product, new ItemKey(product.key(), target.number()));
		var rank = ordering.rankFor(product.id().value(), row, placement, freshTarget);
		if (rank.isEmpty()) {
			return;
		}
		ranks.updateRank(row.id(), rank.get());
		history.record(row.id(), List.of(new Change("position", null, describe(placement), null)), user.value(),
				clock.instant());
		events.publishEvent(new ItemMoved(new ItemId(row.id()), key));
	}

	/** Deletes an item that has no children, with its criteria, links and history. */
	@Transactional
	public void delete(ItemKey key, long expectedVersion) {
		ProductView product = products.get(key.productKey());
		ItemRow row = views.checkVersion(rows.row(product, key), expectedVersion);
		if (items.hasChildren(row.id())) {
			throw DomainProblem.conflict("epic-has-children", key + " has children; move or delete them first.");
		}
		items.delete(row.id());
	}

	/**
	 * For imports: dates a just-imported item as the other tool had it — its creation and
	 * the history the import wrote at {@code created}, and its finishing status change at
	 * {@code resolved} — so flow charts and cycle times count the real dates. Either may
	 * be null (left as is).
	 */
	@Transactional
	public void backdate(ItemKey key, Instant created, Instant resolved) {
		ProductView product = products.get(key.productKey());
		ItemRow row = rows.row(product, key);
		if (created != null) {
			items.backdate(row.id(), created);
		}
		history.backdate(row.id(), created, resolved);
	}

	/**
	 * A change of a field another feature keeps for an item (its release, sprint or
	 * assignee): old and new value as people read them (null: none).
	 */
	public record FieldChange(String field, String oldValue, String newValue) {
		public FieldChange {
			if (field == null || field.isBlank() || field.length() > 40) {
				throw new IllegalArgumentException("field must be 1 to 40 characters");
			}
		}
	}

	/**
	 * Records changes of fields other features keep for the item in its history (one row
	 * each, with {@code note} when given) and publishes {@link ItemUpdated}, as every
	 * edit does; the item's own fields and version stay. Nothing is recorded for an empty
	 * list.
	 */
	@Transactional
	public void recordChanges(ItemKey key, List<FieldChange> changes, String note, UserId user) {
		if (changes.isEmpty()) {
			return;
		}
		ItemRow row = rows.row(products.get(key.productKey()), key);
		history.record(row.id(),
				changes.stream().map(c -> new Change(c.field(), c.oldValue(), c.newValue(), note)).toList(),
				user.value(), clock.instant());
		events.publishEvent(new ItemUpdated(new ItemId(row.id()), key, row.version()));
	}

	/** Every recorded change of the item, newest first. */
	@Transactional(readOnly = true)
	public List<HistoryEntry> history(ItemKey key) {
		ProductView product = products.get(key.productKey());
		return views.history(rows.row(product, key));
	}

	private static String describe(Placement p) {
		if (p instanceof Placement.Top) {
			return "moved to the top";
		}
		if (p instanceof Placement.Bottom) {
			return "moved to the bottom";
		}
		return p instanceof Placement.Before b ? "moved before " + b.target()
				: "moved after " + ((Placement.After) p).target();
	}

}
