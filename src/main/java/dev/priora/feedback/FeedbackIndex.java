package dev.priora.feedback;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
import dev.priora.feedback.engine.VectorScan;

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
 * checkpoint names another product or sentence model, or more feedback than the database
 * holds (a restored backup), is built again. When the folder cannot be used (another
 * process holds it), the index is held in memory.
 *
 * <p>
 * A node without the product's index (a new node, a container whose folder is not kept)
 * builds it on a thread of its own; until it is built, searches are answered by an exact
 * scan of the stored vectors ({@link VectorScan}: their codes, one byte per dimension,
 * read from the database in one streamed query per table), by meaning alone, so the first
 * request answers in about a second at 200,000 vectors instead of minutes. The reads are
 * {@link IndexSync}'s.
 */
@Component
class FeedbackIndex implements DisposableBean {

	static final String FEEDBACK = "F";

	static final String ITEM = "I";

	private static final Logger LOG = LoggerFactory.getLogger(FeedbackIndex.class);

	private static final long COMMIT_SECONDS = 30;

	private volatile boolean closed;

	private final IndexSync reads;

	private final SentenceEmbedder embedder;

	private final ProductService products;

	private final Path root;

	private final Map<String, ProductIndex> indexes = new ConcurrentHashMap<>();

	FeedbackIndex(FeedbackTextRepository feedback, ItemVectorRepository items, @Lazy SentenceEmbedder embedder,
			ProductService products, @Value("${priora.data-dir}") String dataDir) {
		this.reads = new IndexSync(feedback, items);
		this.embedder = embedder;
		this.products = products;
		this.root = Path.of(dataDir, "similarity");
	}

	/**
	 * The entries most like the query: from the product's index brought up to date, or,
	 * while this node builds that index in the background (a new node, or one that lost
	 * its folder), from an exact scan of the stored vectors (by meaning alone).
	 */
	List<SimilarityIndex.Match> similar(String productKey, SimilarityIndex.Query query) {
		ProductIndex p = indexes.computeIfAbsent(productKey, this::open);
		VectorScan warm;
		synchronized (p) {
			if (p.built) {
				refresh(productKey, p);
				warm = null;
			}
			else {
				if (p.scan == null) {
					p.scan = reads.scan(productKey, p);
					buildInBackground(productKey, p);
				}
				warm = p.scan;
			}
		}
		return warm == null ? p.index.similar(query) : warm.similar(query);
	}

	/**
	 * The product's index, up to date with the database; waits while it is built.
	 */
	SimilarityIndex upToDate(String productKey) {
		ProductIndex p = indexes.computeIfAbsent(productKey, this::open);
		synchronized (p.buildLock) {
			if (!p.built) {
				build(productKey, p);
			}
		}
		synchronized (p) {
			refresh(productKey, p);
			return p.index;
		}
	}

	private void refresh(String productKey, ProductIndex p) {
		p.dirty |= reads.sync(productKey, p);
		if (p.dirty && System.nanoTime() - p.committedAt > COMMIT_SECONDS * 1_000_000_000L) {
			commit(p);
		}
	}

	/**
	 * The index is built on a thread of its own: a node's index is its own, so a
	 * cluster-wide background task would build it on one node only (as the search index).
	 */
	private void buildInBackground(String productKey, ProductIndex p) {
		Thread thread = new Thread(() -> {
			try {
				synchronized (p.buildLock) {
					if (!p.built && !closed) {
						build(productKey, p);
					}
				}
			}
			catch (RuntimeException e) {
				if (closed) {
					LOG.info("Stopped building the similarity index of {}: the server is stopping", productKey);
				}
				else {
					LOG.warn("Building the similarity index of {} failed; the next request tries again", productKey, e);
				}
				indexes.remove(productKey, p);
			}
		}, "similarity-build-" + productKey);
		thread.setDaemon(true);
		thread.setPriority(Thread.MIN_PRIORITY);
		thread.start();
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
		if (!checkpoint.isEmpty() && !p.restore(checkpoint, reads.maxFeedbackId(productKey))) {
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
	 * Everything of the product, then everything changed while it was read. Runs holding
	 * the build lock only (requests meanwhile read the scan); the last step, under the
	 * monitor, makes the index the one answering.
	 */
	private void build(String productKey, ProductIndex p) {
		long start = System.nanoTime();
		reads.readAll(productKey, p);
		synchronized (p) {
			reads.sync(productKey, p);
			commit(p);
			p.built = true;
			p.scan = null;
		}
		LOG.info("Built the similarity index of {} ({} entries) in {} s", productKey, p.index.size(),
				(System.nanoTime() - start) / 1_000_000_000);
	}

	private static void commit(ProductIndex p) {
		p.index.commit(p.checkpoint());
		p.dirty = false;
		p.committedAt = System.nanoTime();
	}

	/** Commits what changed since the last commit and closes every index. */
	@Override
	public void destroy() {
		closed = true;
		indexes.values().forEach(p -> {
			synchronized (p) {
				try {
					if (p.dirty && p.built) {
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
