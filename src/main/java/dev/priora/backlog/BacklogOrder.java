package dev.priora.backlog;

import dev.priora.problem.DomainProblem;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.accounts.UserId;
import dev.priora.backlog.engine.RankKeys;

/**
 * The whole backlog at once, for features that plan over all of it: a snapshot of every
 * item and dependency in order, and rewriting the order in one change.
 */
@Service
public class BacklogOrder {

	private final ProductService products;

	private final ProductRepository productRows;

	private final ItemRepository items;

	private final RankRepository ranks;

	private final DependencyRepository dependencies;

	private final HistoryRepository history;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	BacklogOrder(ProductService products, ProductRepository productRows, ItemRepository items, RankRepository ranks,
			DependencyRepository dependencies, HistoryRepository history, ApplicationEventPublisher events,
			Clock clock) {
		this.products = products;
		this.productRows = productRows;
		this.items = items;
		this.ranks = ranks;
		this.dependencies = dependencies;
		this.history = history;
		this.events = events;
		this.clock = clock;
	}

	/** Every item in backlog order with its labels, and every "depends on" edge. */
	@Transactional(readOnly = true)
	public BacklogSnapshot snapshot(String productKey) {
		ProductView product = products.get(productKey);
		long productId = product.id().value();
		Map<Long, List<String>> labels = ranks.productLabels(productId);
		List<BacklogSnapshot.Entry> entries = new ArrayList<>();
		for (var r : ranks.snapshot(productId)) {
			entries.add(new BacklogSnapshot.Entry(r.id(), new ItemKey(product.key(), r.number()), r.type(), r.title(),
					r.status(), r.estimate(),
					r.parentNumber() == null ? null : new ItemKey(product.key(), r.parentNumber()),
					labels.getOrDefault(r.id(), List.of())));
		}
		long[][] edges = dependencies.dependsOnEdges(productId);
		return new BacklogSnapshot(product.key(), entries, edges[0], edges[1]);
	}

	/**
	 * A page of the product's open items in backlog order with their labels, for grids
	 * that work item by item (scoring): up to {@code limit} after {@code cursor} (from
	 * the first when null), and the cursor of the next page (null on the last).
	 */
	@Transactional(readOnly = true)
	public BacklogSnapshot.Page openItems(String productKey, String cursor, int limit) {
		if (limit < 1 || limit > BacklogService.MAX_PAGE_SIZE) {
			throw DomainProblem.invalid("limit", "must be from 1 to " + BacklogService.MAX_PAGE_SIZE);
		}
		ProductView product = products.get(productKey);
		List<RankRepository.SnapshotRow> rows = ranks.openSnapshotPage(product.id().value(), Cursors.decode(cursor),
				limit + 1);
		boolean more = rows.size() > limit;
		rows = more ? rows.subList(0, limit) : rows;
		Map<Long, List<String>> labels = items.labels(rows.stream().map(RankRepository.SnapshotRow::id).toList());
		List<BacklogSnapshot.Entry> entries = new ArrayList<>(rows.size());
		for (var r : rows) {
			entries.add(new BacklogSnapshot.Entry(r.id(), new ItemKey(product.key(), r.number()), r.type(), r.title(),
					r.status(), r.estimate(),
					r.parentNumber() == null ? null : new ItemKey(product.key(), r.parentNumber()),
					labels.getOrDefault(r.id(), List.of())));
		}
		return new BacklogSnapshot.Page(product.key(), entries,
				more ? Cursors.encode(rows.get(rows.size() - 1).rank()) : null);
	}

	/**
	 * Puts the product's items in the given order (every item exactly once), as one
	 * change; items whose place changed get a history entry with {@code note}. 409 when
	 * the list is not the product's current set of items.
	 */
	@Transactional
	public int reorder(String productKey, List<Long> itemIds, String note, UserId user) {
		ProductView product = products.get(productKey);
		long productId = product.id().value();
		productRows.lock(product.id());
		List<Long> current = ranks.idsInOrder(productId);
		if (itemIds.size() != current.size() || !new HashSet<>(itemIds).equals(new HashSet<>(current))) {
			throw DomainProblem.conflict("backlog-changed",
					"Items were added or deleted since this order was made; make it again.");
		}
		if (itemIds.equals(current)) {
			return 0;
		}
		ranks.rewriteRanks(productId, itemIds, RankKeys.evenlySpaced(itemIds.size()));
		Map<Long, Integer> before = new HashMap<>();
		for (int i = 0; i < current.size(); i++) {
			before.put(current.get(i), i);
		}
		int moved = 0;
		for (int i = 0; i < itemIds.size(); i++) {
			int was = before.get(itemIds.get(i));
			if (was != i) {
				moved++;
				history.record(itemIds.get(i), List
					.of(new HistoryRepository.Change("position", String.valueOf(was + 1), String.valueOf(i + 1), note)),
						user.value(), clock.instant());
			}
		}
		events.publishEvent(new BacklogEvents.BacklogReordered(product.key(), moved));
		return moved;
	}

}
