package dev.priora.feedback;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.priora.feedback.engine.VectorScan;

/**
 * What the similarity index reads and the background embedding writes: feedback texts
 * with their stored sentence vectors ({@code feedback.embedding}: float arrays as
 * big-endian bytes, see {@link #bytes}; and their {@link VectorScan#codes} in
 * {@code feedback_vector_codes}, written with them), and item texts from the backlog's
 * {@code items} table (read only).
 */
@Repository
class FeedbackTextRepository {

	/** One feedback's text and stored embedding, for building the similarity index. */
	record Text(long id, String title, String text, float[] vector) {
	}

	/** One item's text, for the similarity index. */
	record ItemText(long id, long number, String title, String text) {
	}

	private final JdbcClient jdbc;

	private final StreamingReads streaming;

	private final TransactionTemplate transaction;

	FeedbackTextRepository(JdbcClient jdbc, StreamingReads streaming, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.streaming = streaming;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Feedback added after {@code afterId}, oldest first, up to {@code limit} rows looked
	 * at: those that are not portal votes ({@code vote_of}: they carry their idea's
	 * vector and are no look-alikes of their own), and the last id looked at.
	 */
	Page texts(String productKey, long afterId, int limit) {
		List<Text> texts = new ArrayList<>();
		long[] last = { afterId };
		jdbc.sql("""
				select id, title, body, embedding, embedding_model, vote_of from feedback
				where product_key = ? and id > ? and merged_into is null order by id limit ?""")
			.params(productKey, afterId, limit)
			.query(rs -> {
				last[0] = rs.getLong(1);
				if (rs.getObject(6) == null) {
					texts.add(new Text(rs.getLong(1), rs.getString(2), rs.getString(3), current(rs)));
				}
			});
		return new Page(texts, last[0]);
	}

	/** Feedback texts of one page, and the last id looked at. */
	record Page(List<Text> texts, long lastId) {
	}

	/**
	 * The row's vector (columns {@code embedding, embedding_model} at 4 and 5) when the
	 * current model computed it, else null.
	 */
	private static float[] current(java.sql.ResultSet rs) throws java.sql.SQLException {
		return SentenceEmbedder.MODEL.equals(rs.getString(5)) ? floats(rs.getBytes(4)) : null;
	}

	/**
	 * Adds the stored vectors of the current model of the product's feedback (merged
	 * feedback left out) to the scan as {@code prefix + id}, in one streamed query of
	 * their codes ({@code feedback_vector_codes}: no text, and a quarter of the bytes of
	 * the floats); answers how many.
	 */
	int scanVectors(String productKey, String prefix, VectorScan.Builder scan) {
		int[] count = { 0 };
		streaming.each("""
				select feedback_id, codes from feedback_vector_codes where product_key = ? and embedding_model = ?
				  and not merged""", rs -> {
			scan.addCodes(prefix, rs.getLong(1), rs.getBytes(2));
			count[0]++;
		}, productKey, SentenceEmbedder.MODEL);
		return count[0];
	}

	/**
	 * Stores the codes of a feedback's vector just stored (in the caller's transaction),
	 * replacing those of an earlier vector.
	 */
	void storeCodes(long id, float[] vector) {
		byte[] codes = VectorScan.codes(vector);
		if (jdbc.sql("update feedback_vector_codes set embedding_model = ?, codes = ? where feedback_id = ?")
			.params(SentenceEmbedder.MODEL, codes, id)
			.update() == 0) {
			jdbc.sql("""
					insert into feedback_vector_codes (feedback_id, product_key, embedding_model, merged, codes)
					select id, product_key, ?, merged_into is not null, ? from feedback where id = ?""")
				.params(SentenceEmbedder.MODEL, codes, id)
				.update();
		}
	}

	/** Keeps the codes' merged flag as the feedback's {@code merged_into}. */
	void markMerged(long id, boolean merged) {
		jdbc.sql("update feedback_vector_codes set merged = ? where feedback_id = ?").params(merged, id).update();
	}

	/** The highest feedback id of the product (0 when it has none). */
	long maxId(String productKey) {
		return jdbc.sql("select coalesce(max(id), 0) from feedback where product_key = ?")
			.param(productKey)
			.query(Long.class)
			.single();
	}

	/**
	 * Those of the given feedback that have a stored vector by now (at most 1000 ids are
	 * looked at).
	 */
	List<Text> textsWithVectors(List<Long> ids) {
		List<Long> some = ids.size() > 1000 ? ids.subList(0, 1000) : ids;
		return jdbc
			.sql("select id, title, body, embedding, embedding_model from feedback where id in (:ids)"
					+ " and embedding is not null and embedding_model = :model")
			.param("ids", some)
			.param("model", SentenceEmbedder.MODEL)
			.query((rs, n) -> new Text(rs.getLong(1), rs.getString(2), rs.getString(3), current(rs)))
			.list();
	}

	/**
	 * The feedback's stored sentence vector, or null while it has none of the current
	 * model.
	 */
	float[] vector(long id) {
		return jdbc.sql("select id, title, body, embedding, embedding_model from feedback where id = ?")
			.param(id)
			.query((rs, n) -> current(rs))
			.optional()
			.orElse(null);
	}

	/**
	 * Up to {@code limit} of the product's feedback after {@code afterId} stored without
	 * a vector of the current model, by id.
	 */
	List<Text> withoutVector(String productKey, long afterId, int limit) {
		return jdbc.sql("""
				select id, title, body from feedback where product_key = ? and id > ?
				  and (embedding is null or embedding_model is null or embedding_model <> ?) order by id limit ?""")
			.params(productKey, afterId, SentenceEmbedder.MODEL, limit)
			.query((rs, n) -> new Text(rs.getLong(1), rs.getString(2), rs.getString(3), null))
			.list();
	}

	/**
	 * The keys of the products with feedback whose vector another sentence model computed
	 * (or an unnamed one): what a start-up has to compute again. Feedback without any
	 * vector is left to the task its import queued.
	 */
	List<String> productsWithStaleVectors() {
		return jdbc.sql("""
				select distinct product_key from feedback
				where embedding_model <> ? or embedding_model is null and embedding is not null""")
			.param(SentenceEmbedder.MODEL)
			.query(String.class)
			.list();
	}

	/**
	 * Stores the feedback's vector (and its codes) unless it has one of the current model
	 * by now (another task stored it): one row, in a short transaction of its own, so no
	 * lock outlives it. Answers whether it was stored.
	 */
	boolean storeVector(long id, float[] vector) {
		return Boolean.TRUE.equals(transaction.execute(status -> {
			boolean stored = jdbc.sql("""
					update feedback set embedding = ?, embedding_model = ?
					where id = ? and (embedding is null or embedding_model is null or embedding_model <> ?)""")
				.params(bytes(vector), SentenceEmbedder.MODEL, id, SentenceEmbedder.MODEL)
				.update() == 1;
			if (stored) {
				storeCodes(id, vector);
			}
			return stored;
		}));
	}

	/** The items with these ids, by id. */
	Map<Long, ItemText> itemTexts(List<Long> itemIds) {
		if (itemIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, ItemText> rows = new HashMap<>();
		jdbc.sql("select id, item_number, title, description from items where id in (:ids)")
			.param("ids", itemIds)
			.query((rs, n) -> new ItemText(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
			.list()
			.forEach(i -> rows.put(i.id(), i));
		return rows;
	}

	static byte[] bytes(float[] vector) {
		if (vector == null) {
			return null;
		}
		ByteBuffer buffer = ByteBuffer.allocate(vector.length * 4);
		buffer.asFloatBuffer().put(vector);
		return buffer.array();
	}

	static float[] floats(byte[] bytes) {
		if (bytes == null) {
			return null;
		}
		float[] v = new float[bytes.length / 4];
		ByteBuffer.wrap(bytes).asFloatBuffer().get(v);
		return v;
	}

}
