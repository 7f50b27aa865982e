package dev.priora.feedback;

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import dev.priora.backlog.ProductView;
import dev.priora.feedback.engine.SimilarityIndex;
import dev.priora.feedback.engine.VectorScan;

/**
 * One product's similarity index on this node and what it reflects (kept as its commit's
 * checkpoint), for {@link FeedbackIndex}. Its fields are guarded by its monitor once
 * {@link #built}; before that only the thread holding {@link #buildLock} writes them, and
 * requests are answered by {@link #scan}.
 */
final class ProductIndex {

	final SimilarityIndex index;

	final String identity;

	final long productId;

	/** Held while the index is built, so it is built once. */
	final Object buildLock = new Object();

	long lastFeedbackId;

	Instant itemsSeenUntil = Instant.EPOCH;

	Instant vectorsSeenUntil = Instant.EPOCH;

	final Set<Long> feedbackWithoutVector = new HashSet<>();

	/** Set, under the monitor, when the index reflects the database. */
	boolean built;

	/** The stored vectors that answer until the index is built; null otherwise. */
	VectorScan scan;

	boolean dirty;

	long committedAt = System.nanoTime();

	ProductIndex(SimilarityIndex index, ProductView product) {
		this.index = index;
		this.productId = product.id().value();
		this.identity = product.id().value() + "@" + product.createdAt().toEpochMilli();
	}

	Map<String, String> checkpoint() {
		return Map.of("product", identity, "feedback", String.valueOf(lastFeedbackId), "items",
				itemsSeenUntil.toString(), "vectors", vectorsSeenUntil.toString(), "model", SentenceEmbedder.MODEL);
	}

	boolean restore(Map<String, String> c, long maxFeedbackId) {
		if (!identity.equals(c.get("product")) || !SentenceEmbedder.MODEL.equals(c.get("model"))
				|| c.get("feedback") == null || c.get("items") == null || c.get("vectors") == null
				|| Long.parseLong(c.get("feedback")) > maxFeedbackId) {
			return false;
		}
		lastFeedbackId = Long.parseLong(c.get("feedback"));
		itemsSeenUntil = Instant.parse(c.get("items"));
		vectorsSeenUntil = Instant.parse(c.get("vectors"));
		for (String id : index.withoutVector()) {
			if (id.startsWith(FeedbackIndex.FEEDBACK)) {
				feedbackWithoutVector.add(Long.parseLong(id.substring(1)));
			}
		}
		built = true;
		return true;
	}

}
