package dev.priora.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.priora.search.engine.ItemTextIndex;

/**
 * One in-memory {@link ItemTextIndex} over every product's items. A server builds it in
 * the background as soon as it is ready (each node holds its own copy, so this is a
 * thread of the node, not a cluster-wide job): pages of 2,000 items by id, one writer, no
 * statement per item. Until the build is done, {@link #search} answers from the database
 * (the item with the typed key, items whose title holds every word) and says so; once
 * built, the index is brought up to date before every search from the database by update
 * time and version (as {@code feedback.FeedbackIndex} does by update time), so every node
 * of a cluster sees every node's writes; a bulk change (an import) builds it again in the
 * background. Deleted items are dropped when a search finds them gone.
 */
@Component
class ItemSearchIndex {

	/** A search's answer: the rows found, and whether the index was still being built. */
	record Found(List<SearchRepository.FoundRow> rows, boolean building) {
	}

	/** How far back each sync looks again for changes committed late. */
	static final Duration LAG = Duration.ofMinutes(2);

	/** How often a sync also looks {@link #LAG} back. */
	static final Duration RECHECK = Duration.ofSeconds(5);

	/** Items read per statement while building. */
	static final int PAGE = 2000;

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ItemSearchIndex.class);

	private enum State {

		NOT_BUILT, BUILDING, READY

	}

	private final SearchRepository rows;

	private final ItemTextIndex index = new ItemTextIndex();

	private final Clock clock;

	private final Executor builder;

	private final AtomicReference<State> state = new AtomicReference<>(State.NOT_BUILT);

	private final Map<Long, Long> versions = new HashMap<>();

	private Instant seenUntil = Instant.EPOCH;

	private Instant lastWide = Instant.EPOCH;

	@Autowired
	ItemSearchIndex(SearchRepository rows, Clock clock) {
		this(rows, clock, task -> {
			Thread thread = new Thread(task, "search-index-build");
			thread.setDaemon(true);
			thread.setPriority(Thread.NORM_PRIORITY - 1);
			thread.start();
		});
	}

	/** With the executor that runs the build (tests hold it back). */
	ItemSearchIndex(SearchRepository rows, Clock clock, Executor builder) {
		this.rows = rows;
		this.clock = clock;
		this.builder = builder;
	}

	/** A server builds the index as it starts; a command-line run does not. */
	@EventListener(ApplicationReadyEvent.class)
	void onReady(ApplicationReadyEvent ready) {
		if (ready.getApplicationContext() instanceof WebServerApplicationContext) {
			build();
		}
	}

	/** Starts building the index in the background unless it is built or being built. */
	void build() {
		if (state.compareAndSet(State.NOT_BUILT, State.BUILDING)) {
			builder.execute(this::buildNow);
		}
	}

	/** Whether the index is built (searches rank by it). */
	boolean ready() {
		return state.get() == State.READY;
	}

	/**
	 * The best items of these products for the text, best first, as they are now. While
	 * the index is being built (started here if it was not): the item with the typed key
	 * from the database, then what the index holds so far.
	 */
	Found search(String text, Collection<String> productKeys, int limit) {
		if (ready() && sync()) {
			return new Found(found(index.search(text, productKeys, limit), productKeys), false);
		}
		build();
		List<SearchRepository.FoundRow> out = new ArrayList<>();
		ItemTextIndex.TypedKey key = index.typedKey(text);
		if (key != null) {
			out.addAll(rows.byKey(productKeys, key.productKey(), key.number(), limit));
		}
		for (SearchRepository.FoundRow r : found(index.search(text, productKeys, limit), productKeys)) {
			if (out.size() < limit && out.stream().noneMatch(o -> o.id() == r.id())) {
				out.add(r);
			}
		}
		return new Found(out, true);
	}

	/** The hits' items as they are now, in the hits' order (items gone are forgotten). */
	private List<SearchRepository.FoundRow> found(List<ItemTextIndex.Hit> hits, Collection<String> productKeys) {
		Map<Long, SearchRepository.FoundRow> found = rows.found(hits.stream().map(ItemTextIndex.Hit::id).toList());
		return hits.stream().map(h -> {
			SearchRepository.FoundRow r = found.get(h.id());
			if (r == null) {
				forget(h.id());
			}
			return r;
		}).filter(r -> r != null && productKeys.contains(r.productKey())).toList();
	}

	/** Brings the index up to date with the database, or starts building it. */
	void warm() {
		if (ready()) {
			sync();
		}
		else {
			build();
		}
	}

	List<ItemTextIndex.Segment> highlight(String text, String content) {
		return index.highlight(text, content);
	}

	List<ItemTextIndex.Segment> snippet(String text, String content) {
		return index.snippet(text, content);
	}

	/**
	 * Reads every item, page by page, into the empty index; then later syncs look
	 * {@link #LAG} back from the build's start, so what changed while it ran is indexed
	 * again. A failed build is logged and started again by the next search.
	 */
	private void buildNow() {
		Instant started = clock.instant();
		long nanos = System.nanoTime();
		long cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
		Map<Long, Long> seen = new HashMap<>();
		try {
			index.clear();
			long after = 0;
			for (List<SearchRepository.IndexRow> page = rows.page(after, PAGE); !page.isEmpty(); page = rows.page(after,
					PAGE)) {
				for (SearchRepository.IndexRow r : page) {
					index.add(entry(r));
					seen.put(r.id(), r.version());
				}
				after = page.get(page.size() - 1).id();
			}
			synchronized (this) {
				versions.clear();
				versions.putAll(seen);
				seenUntil = started;
				lastWide = Instant.EPOCH;
			}
			state.set(State.READY);
			log.info("Search index: {} items indexed in {} ms ({} ms of CPU)", seen.size(),
					(System.nanoTime() - nanos) / 1_000_000,
					(java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu)
							/ 1_000_000);
		}
		catch (RuntimeException e) {
			log.warn("Search index: building failed after {} items; the next search starts it again", seen.size(), e);
			state.set(State.NOT_BUILT);
		}
	}

	private synchronized void forget(long id) {
		index.remove(id);
		versions.remove(id);
	}

	/**
	 * Reads the items changed after the newest change seen, and every {@link #RECHECK}
	 * also those of the {@link #LAG} before it (a long transaction, like an import,
	 * commits rows stamped earlier); re-indexes the items whose version this index has
	 * not seen. When more items changed than a quarter of the index (and more than a
	 * page), builds the index again in the background instead, and answers false.
	 */
	private synchronized boolean sync() {
		if (!ready()) {
			return false;
		}
		Instant now = clock.instant();
		boolean wide = now.isAfter(lastWide.plus(RECHECK));
		Instant from = wide ? seenUntil.minus(LAG) : seenUntil;
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
		if (stale.size() > Math.max(PAGE, versions.size() / 4)) {
			// a bulk import on this or another node: build again in the background rather
			// than keep every search waiting
			log.info("Search index: {} items changed at once; building the index again", stale.size());
			state.set(State.NOT_BUILT);
			build();
			return false;
		}
		for (int i = 0; i < stale.size(); i += 1000) {
			for (SearchRepository.IndexRow r : rows.texts(stale.subList(i, Math.min(stale.size(), i + 1000)))) {
				index.put(entry(r));
			}
		}
		stamps.forEach(s -> versions.put(s.id(), s.version()));
		seenUntil = newest;
		return true;
	}

	private static ItemTextIndex.Entry entry(SearchRepository.IndexRow r) {
		return new ItemTextIndex.Entry(r.id(), r.productKey(), r.productKey() + "-" + r.number(), r.title(),
				r.description(), r.labels());
	}

}
