package dev.priora.backlog;

import dev.priora.problem.DomainProblem;

import org.springframework.stereotype.Component;

/**
 * The rows a command works on: the item named by its key, the item a placement names, and
 * the write of an edited row under its version check (404, 400 and 409 as the API answers
 * them).
 */
@Component
class ItemRows {

	private final ItemRepository items;

	private final ItemViews views;

	ItemRows(ItemRepository items, ItemViews views) {
		this.items = items;
		this.views = views;
	}

	/** The item's row; 404 when the key names another product or no item. */
	ItemRow row(ProductView product, ItemKey key) {
		if (!product.key().equals(key.productKey())) {
			throw DomainProblem.notFound("Item " + key);
		}
		return items.find(product.id().value(), key.number()).orElseThrow(() -> DomainProblem.notFound("Item " + key));
	}

	/**
	 * The row a before/after placement names (null for top or bottom); 400 when it is the
	 * moving item itself, in another product or missing.
	 */
	ItemRow targetOf(ProductView product, Placement placement, ItemKey moving) {
		ItemKey target = placement instanceof Placement.Before b ? b.target()
				: placement instanceof Placement.After a ? a.target() : null;
		if (target == null) {
			return null;
		}
		if (target.equals(moving)) {
			throw DomainProblem.invalid("target", "an item cannot be placed relative to itself");
		}
		if (!target.productKey().equals(product.key())) {
			throw DomainProblem.invalid("target", target + " is not in product " + product.key());
		}
		return items.find(product.id().value(), target.number())
			.orElseThrow(() -> DomainProblem.invalid("target", target + " does not exist"));
	}

	/**
	 * Writes the edited row when {@code expectedVersion} is still current; 409 (stale, or
	 * changed concurrently) otherwise.
	 */
	void write(ProductView product, ItemRow updated, long expectedVersion, ItemKey key) {
		if (!items.update(updated, expectedVersion)) {
			views.checkVersion(row(product, key), expectedVersion);
			throw DomainProblem.conflict("concurrent-update", key + " was changed concurrently; try again.");
		}
	}

}
