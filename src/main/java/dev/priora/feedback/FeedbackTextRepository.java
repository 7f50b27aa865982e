package dev.priora.feedback;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the similarity index reads and the background embedding writes: feedback texts
 * with their stored sentence vectors ({@code feedback.embedding}: float arrays as
 * big-endian bytes, see {@link #bytes}), and item texts from the backlog's {@code items}
 * table (read only).
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

	FeedbackTextRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Up to {@code limit} feedback added after {@code afterId}, oldest first. */
	List<Text> texts(String productKey, long afterId, int limit) {
		return jdbc.sql("""
				select id, title, body, embedding, embedding_model from feedback
				where product_key = ? and id > ? and merged_into is null order by id limit ?""")
			.params(productKey, afterId, limit)
			.query((rs, n) -> new Text(rs.getLong(1), rs.getString(2), rs.getString(3), current(rs)))
			.list();
	}

	/**
	 * The row's vector (columns {@code embedding, embedding_model} at 4 and 5) when the
	 * current model computed it, else null.
	 */
	private static float[] current(java.sql.ResultSet rs) throws java.sql.SQLException {
		return SentenceEmbedder.MODEL.equals(rs.getString(5)) ? floats(rs.getBytes(4)) : null;
	}

	/** A stored vector of the current model, by the row's id. */
	record IdVector(long id, float[] vector) {
	}

	/**
	 * Up to {@code limit} vectors of the product's feedback after {@code afterId}, by id
	 * (feedback without a vector of the current model left out): no text is read.
	 */
	List<IdVector> vectors(String productKey, long afterId, int limit) {
		return jdbc.sql("""
				select id, embedding from feedback where product_key = ? and id > ? and merged_into is null
				  and embedding_model = ? order by id limit ?""")
			.params(productKey, afterId, SentenceEmbedder.MODEL, limit)
			.query((rs, n) -> new IdVector(rs.getLong(1), floats(rs.getBytes(2))))
			.list();
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
	 * Up to {@code limit} of the product's feedback stored without a vector of the
	 * current model, by id.
	 */
	List<Text> withoutVector(String productKey, int limit) {
		return jdbc.sql("""
				select id, title, body from feedback where product_key = ?
				  and (embedding is null or embedding_model is null or embedding_model <> ?) order by id limit ?""")
			.params(productKey, SentenceEmbedder.MODEL, limit)
			.query((rs, n) -> new Text(rs.getLong(1), rs.getString(2), rs.getString(3), null))
			.list();
	}

	/**
	 * The keys of the products with feedback without a vector of the current model.
	 */
	List<String> productsWithoutVectors() {
		return jdbc.sql("""
				select distinct product_key from feedback
				where embedding is null or embedding_model is null or embedding_model <> ?""")
			.param(SentenceEmbedder.MODEL)
			.query(String.class)
			.list();
	}

	void storeVector(long id, float[] vector) {
		jdbc.sql("update feedback set embedding = ?, embedding_model = ? where id = ?")
			.params(bytes(vector), SentenceEmbedder.MODEL, id)
			.update();
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
