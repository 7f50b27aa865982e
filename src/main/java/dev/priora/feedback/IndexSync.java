package dev.priora.feedback;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.priora.feedback.engine.SimilarityIndex;
import dev.priora.feedback.engine.VectorScan;

/**
 * What {@link FeedbackIndex} reads from the database into a product's index: everything
 * (a build), what changed since its checkpoint (new feedback by id, changed items by
 * update time, new item vectors by embedding time), and the stored vector codes alone for
 * the exact scan that answers while a build runs. The caller holds the
 * {@link ProductIndex}'s locks.
 */
final class IndexSync {

	private static final Logger LOG = LoggerFactory.getLogger(FeedbackIndex.class);

	private static final int PAGE = 1000;

	private final FeedbackTextRepository feedback;

	private final ItemVectorRepository items;

	IndexSync(FeedbackTextRepository feedback, ItemVectorRepository items) {
		this.feedback = feedback;
		this.items = items;
	}

	/** The highest feedback id of the product (0 when it has none). */
	long maxFeedbackId(String productKey) {
		return feedback.maxId(productKey);
	}

	/**
	 * Every stored vector of the product's feedback and items, one streamed query of
	 * their codes each, the two read at once (the items' on a thread of their own); the
	 * log says where the time went.
	 */
	VectorScan scan(String productKey, ProductIndex p) {
		long start = System.nanoTime();
		VectorScan.Builder itemScan = VectorScan.builder();
		long[] itemsRead = new long[1];
		FutureTask<Integer> itemVectors = new FutureTask<>(() -> {
			int n = items.scanVectors(p.productId, FeedbackIndex.ITEM, itemScan);
			itemsRead[0] = System.nanoTime();
			return n;
		});
		Thread reader = new Thread(itemVectors, "similarity-scan-" + productKey);
		reader.setDaemon(true);
		reader.start();
		VectorScan.Builder scan = VectorScan.builder();
		int feedbackVectors = feedback.scanVectors(productKey, FeedbackIndex.FEEDBACK, scan);
		long feedbackRead = System.nanoTime();
		int itemCount = join(itemVectors);
		VectorScan result = scan.addAll(itemScan).build();
		LOG.info("Building the similarity index of {} in the background; meanwhile its stored vectors answer: {}"
				+ " of feedback read in {} ms and, at the same time, {} of items in {} ms ({} MB, {} ms in all)",
				productKey, feedbackVectors, (feedbackRead - start) / 1_000_000, itemCount,
				(itemsRead[0] - start) / 1_000_000, result.bytes() >> 20, (System.nanoTime() - start) / 1_000_000);
		return result;
	}

	private static int join(FutureTask<Integer> task) {
		try {
			return task.get();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while reading the items' vectors", e);
		}
		catch (ExecutionException e) {
			throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
		}
	}

	/**
	 * Everything of the product, page by page (items by their ids), with the items'
	 * watermarks taken before, so a {@link #sync} after it reads what changed meanwhile.
	 */
	void readAll(String productKey, ProductIndex p) {
		Instant[] before = items.watermarks(p.productId);
		syncFeedback(productKey, p);
		List<Long> ids = items.ids(p.productId);
		for (int from = 0; from < ids.size(); from += PAGE) {
			items.findAll(ids.subList(from, Math.min(ids.size(), from + PAGE))).forEach(item -> put(p, item));
		}
		p.itemsSeenUntil = before[0];
		p.vectorsSeenUntil = before[1];
	}

	/** Reads what changed since the index's checkpoint; answers whether anything did. */
	boolean sync(String productKey, ProductIndex p) {
		boolean changed = syncFeedback(productKey, p);
		// an item both updated and embedded since is put once, as read last
		Map<Long, ItemVectorRepository.ItemText> changedItems = new LinkedHashMap<>();
		for (var item : items.embeddedSince(p.productId, p.vectorsSeenUntil)) {
			changedItems.put(item.id(), item);
			p.vectorsSeenUntil = later(p.vectorsSeenUntil, item.embeddedAt());
		}
		for (var item : items.updatedSince(p.productId, p.itemsSeenUntil)) {
			changedItems.put(item.id(), item);
			p.itemsSeenUntil = later(p.itemsSeenUntil, item.updatedAt());
		}
		changedItems.values().forEach(item -> put(p, item));
		return changed || !changedItems.isEmpty();
	}

	private boolean syncFeedback(String productKey, ProductIndex p) {
		boolean changed = false;
		for (var page = feedback.texts(productKey, p.lastFeedbackId, PAGE); page
			.lastId() > p.lastFeedbackId; page = feedback.texts(productKey, p.lastFeedbackId, PAGE)) {
			for (var t : page.texts()) {
				// bulk imports store no vector; words only until the background
				// embedding has stored it
				p.index
					.put(new SimilarityIndex.Entry(FeedbackIndex.FEEDBACK + t.id(), t.title(), t.text(), t.vector()));
				if (t.vector() == null) {
					p.feedbackWithoutVector.add(t.id());
				}
			}
			p.lastFeedbackId = page.lastId();
			changed = true;
		}
		if (!p.feedbackWithoutVector.isEmpty()) {
			for (var t : feedback.textsWithVectors(List.copyOf(p.feedbackWithoutVector))) {
				p.index
					.put(new SimilarityIndex.Entry(FeedbackIndex.FEEDBACK + t.id(), t.title(), t.text(), t.vector()));
				p.feedbackWithoutVector.remove(t.id());
				changed = true;
			}
		}
		return changed;
	}

	private static void put(ProductIndex p, ItemVectorRepository.ItemText item) {
		if (item.rejected()) {
			p.index.remove(FeedbackIndex.ITEM + item.id());
		}
		else {
			// until the background task has embedded the current text: words only
			p.index.put(new SimilarityIndex.Entry(FeedbackIndex.ITEM + item.id(), item.title(), item.text(),
					item.currentVector()));
		}
	}

	private static Instant later(Instant a, Instant b) {
		return b != null && b.isAfter(a) ? b : a;
	}

}
