package dev.priora.feedback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.priora.backlog.ProductService;
import dev.priora.backlog.ProductView;
import dev.priora.feedback.engine.SimilarityIndex;

/**
 * One {@link SimilarityIndex} per product over its feedback ({@code F<id>}) and backlog
 * items ({@code I<id>}), from their stored sentence vectors ({@code feedback.embedding},
 * {@code item_vectors}: nothing is embedded here), brought up to date before every search
 * from the database (new feedback by id, changed items by update time, new item vectors
 * by embedding time), so every node of a cluster sees every node's writes.
 *
 * <p>
 * Each node keeps its indexes on disk under {@code <data-dir>/similarity/<product id>},
 * committed with a checkpoint of what they reflect (at most every
 * {@value #COMMIT_SECONDS} s while they change, after a build, and at shutdown): after a
 * restart the first search opens the index and reads only what changed since, where
 * building the vector graph of 100,000 texts again takes minutes. An index whose
 * checkpoint names another product, or more feedback than the database holds (a restored
 * backup), is built again. When the folder cannot be used (another process holds it), the
 * index is held in memory.
 */
@Component
class FeedbackIndex implements DisposableBean {

	static final String FEEDBACK = "F";

	static final String ITEM = "I";

	private static final Logger LOG = LoggerFactory.getLogger(FeedbackIndex.class);

	private static final long COMMIT_SECONDS = 30;

	private static final int PAGE = 2000;

	private final FeedbackTextRepository feedback;

	private final ItemVectorRepository items;

	private final SentenceEmbedder embedder;

	private final ProductService products;

	private final Path root;

	private final Map<String, ProductIndex> indexes = new ConcurrentHashMap<>();

	FeedbackIndex(FeedbackTextRepository feedback, ItemVectorRepository items, @Lazy SentenceEmbedder embedder,
			ProductService products, @Value("${priora.data-dir}") String dataDir) {
		this.feedback = feedback;
		this.items = items;
		this.embedder = embedder;
		this.products = products;
		this.root = Path.of(dataDir, "similarity");
	}

	/** What an index reflects; kept as its commit's checkpoint. */
	private static final class ProductIndex {

		final SimilarityIndex index;

		final String identity;

		final long productId;

		long lastFeedbackId;

		Instant itemsSeenUntil = Instant.EPOCH;

		Instant vectorsSeenUntil = Instant.EPOCH;

		final Set<Long> feedbackWithoutVector = new HashSet<>();

		boolean built;

		boolean dirty;

		long committedAt = System.nanoTime();

		ProductIndex(SimilarityIndex index, ProductView product) {
			this.index = index;
			this.productId = product.id().value();
			this.identity = product.id().value() + "@" + product.createdAt().toEpochMilli();
		}

		Map<String, String> checkpoint() {
			return Map.of("product", identity, "feedback", String.valueOf(lastFeedbackId), "items",
					itemsSeenUntil.toString(), "vectors", vectorsSeenUntil.toString());
		}

		boolean restore(Map<String, String> c, long maxFeedbackId) {
			if (!identity.equals(c.get("product")) || c.get("feedback") == null || c.get("items") == null
					|| c.get("vectors") == null || Long.parseLong(c.get("feedback")) > maxFeedbackId) {
				return false;
			}
			lastFeedbackId = Long.parseLong(c.get("feedback"));
			itemsSeenUntil = Instant.parse(c.get("items"));
			vectorsSeenUntil = Instant.parse(c.get("vectors"));
			for (String id : index.withoutVector()) {
				if (id.startsWith(FEEDBACK)) {
					feedbackWithoutVector.add(Long.parseLong(id.substring(1)));
				}
			}
			built = true;
			return true;
		}

	}

	/** The product's index, up to date with the database. */
	SimilarityIndex upToDate(String productKey) {
		ProductIndex p = indexes.computeIfAbsent(productKey, this::open);
		synchronized (p) {
			boolean changed = p.built ? sync(productKey, p) : build(productKey, p);
			p.dirty |= changed;
			if (p.dirty && System.nanoTime() - p.committedAt > COMMIT_SECONDS * 1_000_000_000L) {
				commit(p);
			}
			return p.index;
		}
	}

	/**
	 * Drops merged feedback from this node's index at once (other nodes filter it out
	 * when answering).
	 */
	void remove(String productKey, long feedbackId) {
		ProductIndex p = indexes.get(productKey);
		if (p != null) {
			synchronized (p) {
				p.index.remove(FEEDBACK + feedbackId);
				p.dirty = true;
			}
		}
	}

	float[] embed(String title, String text) {
		return embedder.embed(title, text);
	}

	private ProductIndex open(String productKey) {
		ProductView product = products.get(productKey);
		ProductIndex p = new ProductIndex(directoryIndex(product), product);
		Map<String, String> checkpoint = p.index.checkpoint();
		if (!checkpoint.isEmpty() && !p.restore(checkpoint, feedback.maxId(productKey))) {
			LOG.info("Rebuilding the similarity index of {}: its files are of another database", productKey);
			p.index.clear();
		}
		return p;
	}

	private SimilarityIndex directoryIndex(ProductView product) {
		Path folder = root.resolve(String.valueOf(product.id().value()));
		try {
			Files.createDirectories(folder);
			return new SimilarityIndex(FSDirectory.open(folder));
		}
		catch (IOException | UncheckedIOException e) {
			if (e.getCause() instanceof LockObtainFailedException) {
				LOG.warn("The similarity index in {} is in use by another process; holding {}'s in memory", folder,
						product.key());
				return new SimilarityIndex();
			}
			LOG.warn("Cannot keep the similarity index in {} ({}); holding {}'s in memory", folder, e.getMessage(),
					product.key());
		}
		return new SimilarityIndex();
	}

	/**
	 * Everything of the product, page by page; then everything changed while it was read,
	 * by the watermarks taken before.
	 */
	private boolean build(String productKey, ProductIndex p) {
		Instant[] before = items.watermarks(p.productId);
		syncFeedback(productKey, p);
		long after = 0;
		for (List<ItemVectorRepository.ItemText> page = items.page(p.productId, after, PAGE); !page
			.isEmpty(); page = items.page(p.productId, after, PAGE)) {
			page.forEach(item -> put(p, item));
			after = page.get(page.size() - 1).id();
		}
		p.itemsSeenUntil = before[0];
		p.vectorsSeenUntil = before[1];
		p.built = true;
		sync(productKey, p);
		commit(p);
		return false;
	}

	private boolean sync(String productKey, ProductIndex p) {
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
		for (List<FeedbackTextRepository.Text> page = feedback.texts(productKey, p.lastFeedbackId, PAGE); !page
			.isEmpty(); page = feedback.texts(productKey, p.lastFeedbackId, PAGE)) {
			for (var t : page) {
				// bulk imports store no vector; words only until the background
				// embedding has stored it
				p.index.put(new SimilarityIndex.Entry(FEEDBACK + t.id(), t.title(), t.text(), t.vector()));
				if (t.vector() == null) {
					p.feedbackWithoutVector.add(t.id());
				}
				p.lastFeedbackId = Math.max(p.lastFeedbackId, t.id());
			}
			changed = true;
		}
		if (!p.feedbackWithoutVector.isEmpty()) {
			for (var t : feedback.textsWithVectors(List.copyOf(p.feedbackWithoutVector))) {
				p.index.put(new SimilarityIndex.Entry(FEEDBACK + t.id(), t.title(), t.text(), t.vector()));
				p.feedbackWithoutVector.remove(t.id());
				changed = true;
			}
		}
		return changed;
	}

	private static void put(ProductIndex p, ItemVectorRepository.ItemText item) {
		if (item.rejected()) {
			p.index.remove(ITEM + item.id());
		}
		else {
			// until the background task has embedded the current text: words only
			p.index.put(new SimilarityIndex.Entry(ITEM + item.id(), item.title(), item.text(), item.currentVector()));
		}
	}

	private static Instant later(Instant a, Instant b) {
		return b != null && b.isAfter(a) ? b : a;
	}

	private static void commit(ProductIndex p) {
		p.index.commit(p.checkpoint());
		p.dirty = false;
		p.committedAt = System.nanoTime();
	}

	/** Commits what changed since the last commit and closes every index. */
	@Override
	public void destroy() {
		indexes.values().forEach(p -> {
			synchronized (p) {
				try {
					if (p.dirty) {
						commit(p);
					}
				}
				finally {
					p.index.close();
				}
			}
		});
		indexes.clear();
	}

}
