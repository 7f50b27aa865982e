package dev.priora.search;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.priora.search.engine.ItemTextIndex;

/**
 * One in-memory {@link ItemTextIndex} over every product's items, built on first use and
 * brought up to date before every search from the database by update time (as
 * {@code feedback.FeedbackIndex} does), so every node of a cluster sees every node's
 * writes. Deleted items are dropped when a search finds them gone.
 */
@Component
class ItemSearchIndex {

	private final SearchRepository rows;

	private final ItemTextIndex index = new ItemTextIndex();

	private Instant seenUntil = Instant.EPOCH;

	ItemSearchIndex(SearchRepository rows) {
		this.rows = rows;
	}

	/** The best items of these products for the text, best first, as they are now. */
	List<SearchRepository.FoundRow> search(String text, Collection<String> productKeys, int limit) {
		sync();
		List<ItemTextIndex.Hit> hits = index.search(text, productKeys, limit);
		Map<Long, SearchRepository.FoundRow> found = rows.found(hits.stream().map(ItemTextIndex.Hit::id).toList());
		return hits.stream().map(h -> {
			SearchRepository.FoundRow r = found.get(h.id());
			if (r == null) {
				index.remove(h.id());
			}
			return r;
		}).filter(r -> r != null && productKeys.contains(r.productKey())).toList();
	}

	List<ItemTextIndex.Segment> highlight(String text, String content) {
		return index.highlight(text, content);
	}

	List<ItemTextIndex.Segment> snippet(String text, String content) {
		return index.snippet(text, content);
	}

	private synchronized void sync() {
		Instant newest = seenUntil;
		for (SearchRepository.IndexRow r : rows.changedSince(seenUntil)) {
			index.put(new ItemTextIndex.Entry(r.id(), r.productKey(), r.productKey() + "-" + r.number(), r.title(),
					r.description(), r.labels()));
			if (r.updatedAt().isAfter(newest)) {
				newest = r.updatedAt();
			}
		}
		seenUntil = newest;
	}

}
