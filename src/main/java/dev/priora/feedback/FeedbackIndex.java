package dev.priora.feedback;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.priora.feedback.engine.SimilarityIndex;

/**
 * One in-memory {@link SimilarityIndex} per product over its feedback ({@code F<id>}) and
 * backlog items ({@code I<id>}), built on first use and brought up to date before every
 * search from the database (new feedback by id, changed items by update time), so every
 * node of a cluster sees every node's writes.
 */
@Component
class FeedbackIndex {

	static final String FEEDBACK = "F";

	static final String ITEM = "I";

	private final FeedbackRepository feedback;

	private final SentenceEmbedder embedder;

	private final JdbcClient jdbc;

	private final Map<String, ProductIndex> products = new ConcurrentHashMap<>();

	FeedbackIndex(FeedbackRepository feedback, SentenceEmbedder embedder, JdbcClient jdbc) {
		this.feedback = feedback;
		this.embedder = embedder;
		this.jdbc = jdbc;
	}

	private static final class ProductIndex {

		final SimilarityIndex index = new SimilarityIndex();

		long lastFeedbackId;

		final java.util.Set<Long> withoutVector = new java.util.HashSet<>();

		Instant itemsSeenUntil = Instant.EPOCH;

	}

	/** The product's index, up to date with the database. */
	SimilarityIndex upToDate(String productKey) {
		ProductIndex p = products.computeIfAbsent(productKey, k -> new ProductIndex());
		synchronized (p) {
			for (var t : feedback.texts(productKey, p.lastFeedbackId)) {
				// bulk imports store no vector; words only until the background embedding
				// has stored it
				p.index.put(new SimilarityIndex.Entry(FEEDBACK + t.id(), t.title(), t.text(), t.vector()));
				if (t.vector() == null) {
					p.withoutVector.add(t.id());
				}
				p.lastFeedbackId = Math.max(p.lastFeedbackId, t.id());
			}
			if (!p.withoutVector.isEmpty()) {
				for (var t : feedback.textsWithVectors(List.copyOf(p.withoutVector))) {
					p.index.put(new SimilarityIndex.Entry(FEEDBACK + t.id(), t.title(), t.text(), t.vector()));
					p.withoutVector.remove(t.id());
				}
			}
			Instant newest = changedItemsSince(productKey, p.itemsSeenUntil, p.index);
			if (newest.isAfter(p.itemsSeenUntil)) {
				p.itemsSeenUntil = newest;
			}
			return p.index;
		}
	}

	/**
	 * Drops merged feedback from this node's index at once (other nodes filter it out
	 * when answering).
	 */
	void remove(String productKey, long feedbackId) {
		ProductIndex p = products.get(productKey);
		if (p != null) {
			synchronized (p) {
				p.index.remove(FEEDBACK + feedbackId);
			}
		}
	}

	private Instant changedItemsSince(String productKey, Instant since, SimilarityIndex index) {
		List<Object[]> rows = jdbc.sql("""
				select i.id, i.title, i.description, i.updated_at, i.status from items i
				join products p on p.id = i.product_id where p.product_key = ? and i.updated_at > ?""")
			.params(productKey, java.sql.Timestamp.from(since))
			.query((rs,
					n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3),
							rs.getTimestamp(4).toInstant(), rs.getString(5) })
			.list();
		Instant newest = since;
		for (Object[] r : rows) {
			String id = ITEM + r[0];
			if ("REJECTED".equals(r[4])) {
				index.remove(id);
			}
			else {
				index.put(new SimilarityIndex.Entry(id, (String) r[1], (String) r[2],
						embedder.embed((String) r[1], (String) r[2])));
			}
			if (((Instant) r[3]).isAfter(newest)) {
				newest = (Instant) r[3];
			}
		}
		return newest;
	}

	float[] embed(String title, String text) {
		return embedder.embed(title, text);
	}

}
