package dev.priora.backlog;

import dev.priora.problem.DomainProblem;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import dev.priora.accounts.UserId;
import dev.priora.backlog.BacklogEvents.ItemMoved;
import dev.priora.backlog.BacklogEvents.ItemUpdated;
import dev.priora.backlog.HistoryRepository.Change;

/**
 * The undo of a bulk change: every item's status, estimate, labels, place, release and
 * sprint put back as recorded, in the caller's transaction, refused for the whole change
 * when any item was edited, moved or planned elsewhere since.
 */
@Component
class BulkUndo {

	private final ProductService products;

	private final ProductRepository productRows;

	private final ItemRepository items;

	private final HistoryRepository history;

	private final BulkChangeRepository changes;

	private final ItemPlans plans;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	BulkUndo(ProductService products, ProductRepository productRows, ItemRepository items, HistoryRepository history,
			BulkChangeRepository changes, ItemPlans plans, ApplicationEventPublisher events, Clock clock) {
		this.products = products;
		this.productRows = productRows;
		this.items = items;
		this.history = history;
		this.changes = changes;
		this.plans = plans;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Puts every field and place of the change's items back; 409 when an item was edited
	 * or moved since, or the change was undone already; 404 for an unknown change.
	 */
	BulkEdits.BulkResult undo(String productKey, long changeId, UserId user) {
		ProductView product = products.get(productKey);
		productRows.lock(product.id());
		var change = changes.find(product.id().value(), changeId)
			.orElseThrow(() -> DomainProblem.notFound("Bulk change " + changeId));
		if (change.undoneAt() != null) {
			throw DomainProblem.conflict("already-undone", "This change was undone already.");
		}
		List<BulkChangeRepository.Before> befores = changes.items(changeId);
		Map<Long, ItemRow> rows = items.findAll(befores.stream().map(BulkChangeRepository.Before::itemId).toList());
		Instant now = clock.instant();
		String note = "undo of: " + change.summary();
		for (var b : befores) {
			ItemRow r = rows.get(b.itemId());
			if (r == null) {
				continue;
			}
			ItemKey key = new ItemKey(productKey, r.number());
			if (r.version() != b.versionAfter() || !r.rank().equals(b.rankAfter())) {
				throw DomainProblem.conflict("changed-since",
						key + " was changed after this bulk change; undo it by hand. Nothing was undone.");
			}
			restore(product, r, b, note, user, now);
			if (b.planBefore() != null) {
				plans.restore(key, b.planAfter(), b.planBefore(), user, note);
			}
		}
		changes.markUndone(changeId, now);
		return new BulkEdits.BulkResult(changeId, befores.size(), "Undone: " + change.summary());
	}

	private void restore(ProductView product, ItemRow r, BulkChangeRepository.Before b, String note, UserId user,
			Instant now) {
		ItemKey key = new ItemKey(product.key(), r.number());
		List<String> labelsNow = items.labels(List.of(r.id())).getOrDefault(r.id(), List.of());
		List<Change> diff = new ArrayList<>();
		if (r.status() != b.status()) {
			diff.add(new Change("status", r.status().name(), b.status().name(), note));
		}
		if (!Objects.equals(r.estimate(), b.estimate())) {
			diff.add(new Change("estimate", text(r.estimate()), text(b.estimate()), note));
		}
		if (!labelsNow.equals(b.labels())) {
			diff.add(new Change("labels", String.join(", ", labelsNow), String.join(", ", b.labels()), note));
			items.replaceLabels(r.id(), b.labels());
		}
		if (!diff.isEmpty()) {
			ItemRow restored = new ItemRow(r.id(), r.productId(), r.number(), r.type(), r.title(), r.description(),
					b.estimate(), b.status(), r.parentId(), r.rank(), r.createdAt(), r.createdBy(), now, user.value(),
					r.version());
			if (!items.update(restored, r.version())) {
				throw DomainProblem.conflict("concurrent-update", key + " was changed concurrently; try again.");
			}
			events.publishEvent(new ItemUpdated(new ItemId(r.id()), key, r.version() + 1));
		}
		if (!r.rank().equals(b.rank())) {
			if (changes.rankTaken(product.id().value(), b.rank(), r.id())) {
				throw DomainProblem.conflict("changed-since",
						"The backlog was reordered since; " + key + "'s old place is taken. Nothing was undone.");
			}
			changes.setRank(r.id(), b.rank());
			diff.add(new Change("position", null, "moved back to where it was", note));
			events.publishEvent(new ItemMoved(new ItemId(r.id()), key));
		}
		if (!diff.isEmpty()) {
			history.record(r.id(), diff, user.value(), now);
		}
	}

	private static String text(BigDecimal v) {
		return v == null ? null : v.stripTrailingZeros().toPlainString();
	}

}
