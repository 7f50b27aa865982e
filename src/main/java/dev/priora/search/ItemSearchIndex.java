package dev.priora.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.priora.search.engine.ItemTextIndex;

/**
 * One in-memory {@link ItemTextIndex} over every product's items, built on first use and
 * brought up to date before every search from the database by update time and version (as
 * {@code feedback.FeedbackIndex} does by update time), so every node of a cluster sees
 * every node's writes. Deleted items are dropped when a search finds them gone.
 */
@Component
class ItemSearchIndex {

	private final SearchRepository rows;

	private final ItemTextIndex index = new ItemTextIndex();

	/** How far back each sync looks again for changes committed late. */
	static final Duration LAG = Duration.ofMinutes(2);

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ItemSearchIndex.class);

	private final Map<Long, Long> versions = new HashMap<>();

	private final Clock clock;

	/** How often a sync also looks {@link #LAG} back. */
	static final Duration RECHECK = Duration.ofSeconds(5);

	private Instant seenUntil = Instant.EPOCH;

	private Instant lastWide = Instant.EPOCH;

	ItemSearchIndex(SearchRepository rows, Clock clock) {
		this.rows = rows;
		this.clock = clock;
	}

	/** The best items of these products for the text, best first, as they are now. */
	List<SearchRepository.FoundRow> search(String text, Collection<String> productKeys, int limit) {
		sync();
		List<ItemTextIndex.Hit> hits = index.search(text, productKeys, limit);
		Map<Long, SearchRepository.FoundRow> found = rows.found(hits.stream().map(ItemTextIndex.Hit::id).toList());
		return hits.stream().map(h -> {
			SearchRepository.FoundRow r = found.get(h.id());
			if (r == null) {
				forget(h.id());
			}
			return r;
		}).filter(r -> r != null && productKeys.contains(r.productKey())).toList();
	}

	/** Brings the index up to date with the database (built on first use). */
	void warm() {
		sync();
	}

	private synchronized void forget(long id) {
		index.remove(id);
		versions.remove(id);
	}

	List<ItemTextIndex.Segment> highlight(String text, String content) {
		return index.highlight(text, content);
	}

	List<ItemTextIndex.Segment> snippet(String text, String content) {
		return index.snippet(text, content);
	}

	/**
	 * Reads the items changed after the newest change seen, and every {@link #RECHECK}
	 * also those of the {@link #LAG} before it (a long transaction, like an import,
	 * commits rows stamped earlier); re-indexes the items whose version this index has
	 * not seen.
	 */
	private synchronized void sync() {
		Instant now = clock.instant();
		boolean wide = now.isAfter(lastWide.plus(RECHECK));
		Instant from = seenUntil.equals(Instant.EPOCH) ? Instant.EPOCH : wide ? seenUntil.minus(LAG) : seenUntil;
		if (wide) {
			lastWide = now;
		}
		List<SearchRepository.Stamp> stamps = rows.changedAfter(from);
		List<Long> stale = new ArrayList<>();
		Instant newest = seenUntil;
		for (SearchRepository.Stamp s : stamps) {
			Long known = versions.get(s.id());
			if (known == null || known != s.version()) {
				stale.add(s.id());
			}
			newest = s.updatedAt().isAfter(newest) ? s.updatedAt() : newest;
		}
		for (int i = 0; i < stale.size(); i += 1000) {
			for (SearchRepository.IndexRow r : rows.texts(stale.subList(i, Math.min(stale.size(), i + 1000)))) {
				index.put(new ItemTextIndex.Entry(r.id(), r.productKey(), r.productKey() + "-" + r.number(), r.title(),
						r.description(), r.labels()));
			}
		}
		stamps.forEach(s -> versions.put(s.id(), s.version()));
		seenUntil = newest;
		if (stale.size() > 1000) {
			log.info("Search index: {} items indexed in {} ms", stale.size(),
					Duration.between(now, clock.instant()).toMillis());
		}
	}

}
