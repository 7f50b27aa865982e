package dev.priora.backlog;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.priora.backlog.engine.RankKeys;

/**
 * Finds the rank key for a placement. Callers hold the product lock, so neighbours cannot
 * change underneath; when a key would grow past {@link RankKeys#MAX_LENGTH} the product's
 * order is rebalanced first.
 */
@Component
class ItemOrdering {

	private final ItemRepository items;

	private final RankRepository ranks;

	ItemOrdering(ItemRepository items, RankRepository ranks) {
		this.items = items;
		this.ranks = ranks;
	}

	/**
	 * The new rank for {@code item} (null for a new item) at {@code placement}; empty
	 * when it already stands there. {@code target} is the row named by a before/after
	 * placement.
	 */
	Optional<String> rankFor(long productId, ItemRow item, Placement placement, ItemRow target) {
		String current = item == null ? null : item.rank();
		String low;
		String high;
		if (placement instanceof Placement.Top) {
			low = null;
			high = ranks.firstRank(productId).orElse(null);
		}
		else if (placement instanceof Placement.Bottom) {
			low = ranks.lastRank(productId).orElse(null);
			high = null;
		}
		else if (placement instanceof Placement.Before) {
			high = target.rank();
			low = ranks.rankBefore(productId, high).orElse(null);
		}
		else {
			low = target.rank();
			high = ranks.rankAfter(productId, low).orElse(null);
		}
		if (current != null && (current.equals(low) || current.equals(high))) {
			return Optional.empty();
		}
		String rank = RankKeys.between(low, high);
		if (rank.length() > RankKeys.MAX_LENGTH) {
			rebalance(productId);
			ItemRow fresh = item == null ? null : reread(item);
			ItemRow freshTarget = target == null ? null : reread(target);
			return rankFor(productId, fresh, placement, freshTarget);
		}
		return Optional.of(rank);
	}

	private ItemRow reread(ItemRow row) {
		return items.find(row.productId(), row.number()).orElseThrow();
	}

	/** Spreads the product's keys evenly again, keeping the order. */
	void rebalance(long productId) {
		List<Long> ids = ranks.idsInOrder(productId);
		ranks.rewriteRanks(productId, ids, RankKeys.evenlySpaced(ids.size()));
	}

}
