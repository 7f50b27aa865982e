package dev.priora.refinement.health;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.priora.backlog.ItemStatus;
import dev.priora.refinement.health.HealthReport.FindingItem;
import dev.priora.refinement.health.HealthRepository.Counts;
import dev.priora.refinement.health.HealthRepository.ItemRow;
import dev.priora.refinement.health.HealthRepository.Vector;
import dev.priora.refinement.health.engine.BlockedChains;
import dev.priora.refinement.health.engine.SimilarPairs;

/**
 * The findings about items together: blocked chains (the open "waits on" links, one
 * query, {@link BlockedChains}), probable duplicates among the first open items and done
 * items that unlinked open feedback reads like ({@link SimilarPairs} over the vectors the
 * feedback module stores: nothing is embedded here, and an item without a vector yet is
 * not compared).
 */
@Component
class LinkFindings {

	/** Open items compared for duplicates: the first in backlog order. */
	static final int DUPLICATE_SCAN = 500;

	/** How alike two open items' vectors are for a probable duplicate (cosine). */
	static final double DUPLICATE_THRESHOLD = 0.9;

	/** Done items compared with open feedback: the most recently changed. */
	static final int DONE_SCAN = 300;

	/** Open feedback compared with done items: the newest. */
	static final int FEEDBACK_SCAN = 500;

	/** How alike feedback and a done item are for the feedback to ask for it (cosine). */
	static final double FEEDBACK_THRESHOLD = 0.8;

	private final HealthRepository repository;

	LinkFindings(HealthRepository repository) {
		this.repository = repository;
	}

	Found blockedChains(String key, long productId, Counts c) {
		List<long[]> waits = repository.openWaits(productId);
		long[] waiter = waits.stream().mapToLong(w -> w[0]).toArray();
		long[] prerequisite = waits.stream().mapToLong(w -> w[1]).toArray();
		BlockedChains.Result result = BlockedChains.of(waiter, prerequisite, Found.SHOWN);
		Set<Long> ids = new HashSet<>();
		result.chains().forEach(ch -> ids.addAll(ch.items()));
		Map<Long, ItemRow> rows = repository.items(ids);
		List<FindingItem> items = new ArrayList<>();
		for (BlockedChains.Chain chain : result.chains()) {
			ItemRow head = rows.get(chain.items().get(0));
			ItemRow first = rows.get(chain.items().get(chain.items().size() - 1));
			List<String> rest = chain.items()
				.stream()
				.skip(1)
				.map(id -> Links.key(key, rows.get(id).number()))
				.toList();
			items.add(new FindingItem(Links.key(key, head.number()), head.title(), label(head.status()),
					"Waits on " + String.join(", which waits on ", rest) + ".", Links.item(key, head.number()),
					"Finish " + Links.key(key, first.number()) + " first", Links.item(key, first.number()), rest));
		}
		FindingKind kind = FindingKind.BLOCKED_CHAIN;
		return Found.of(kind, kind.title(), kind.description(), result.blocked(), c.open(), items,
				Links.dependencies(key));
	}

	Found duplicates(String key, long productId) {
		List<Vector> open = repository.openVectors(productId, DUPLICATE_SCAN);
		List<SimilarPairs.Pair> pairs = SimilarPairs.within(open.stream().map(Vector::vector).toList(),
				DUPLICATE_THRESHOLD, Found.SHOWN);
		Set<Long> involved = new HashSet<>();
		List<FindingItem> items = new ArrayList<>();
		for (SimilarPairs.Pair p : pairs) {
			// the later one in backlog order is the one to merge or reject
			Vector first = open.get(p.a());
			Vector later = open.get(p.b());
			involved.add(first.id());
			involved.add(later.id());
			String twin = Links.key(key, first.number());
			items.add(new FindingItem(Links.key(key, later.number()), later.title(), null,
					"Reads like " + twin + " " + first.title() + " (" + percent(p.similarity()) + " alike).",
					Links.item(key, later.number()), "Compare with " + twin, Links.item(key, first.number()),
					List.of(twin)));
		}
		FindingKind kind = FindingKind.DUPLICATE;
		return Found.of(kind, kind.title(), String.format(kind.description(), percentInt(DUPLICATE_THRESHOLD)),
				involved.size(), open.size(), items, null);
	}

	Found unlinkedFeedback(String key, long productId) {
		List<Vector> done = repository.doneVectors(productId, DONE_SCAN);
		List<Vector> feedback = done.isEmpty() ? List.of() : repository.unlinkedFeedback(key, FEEDBACK_SCAN);
		List<SimilarPairs.Pair> pairs = SimilarPairs.between(done.stream().map(Vector::vector).toList(),
				feedback.stream().map(Vector::vector).toList(), FEEDBACK_THRESHOLD, Found.SHOWN);
		Set<Long> items = new HashSet<>();
		List<FindingItem> found = new ArrayList<>();
		for (SimilarPairs.Pair p : pairs) {
			Vector item = done.get(p.a());
			Vector asks = feedback.get(p.b());
			items.add(item.id());
			found.add(
					new FindingItem(Links.key(key, item.number()), item.title(), ItemStatus.DONE.label(),
							"Feedback “" + clip(asks.title()) + "” reads like it (" + percent(p.similarity())
									+ " alike).",
							Links.item(key, item.number()), "Link feedback #" + asks.id(),
							Links.feedback(key, asks.id()), List.of()));
		}
		FindingKind kind = FindingKind.UNLINKED_FEEDBACK;
		return Found.of(kind, kind.title(), String.format(kind.description(), percentInt(FEEDBACK_THRESHOLD)),
				items.size(), done.size(), found, null);
	}

	private static String label(String status) {
		return ItemStatus.valueOf(status).label();
	}

	private static String percent(double similarity) {
		return Math.round(similarity * 100) + " %";
	}

	private static int percentInt(double threshold) {
		return (int) Math.round(threshold * 100);
	}

	private static String clip(String text) {
		String flat = text.strip().replaceAll("\\s+", " ");
		return flat.length() > 80 ? flat.substring(0, 79) + "…" : flat;
	}

}
