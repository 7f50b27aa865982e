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
				select id, title, body, embedding from feedback where product_key = ? and id > ? and merged_into is null
				order by id limit ?""")
			.params(productKey, afterId, limit)
			.query((rs, n) -> new Text(rs.getLong(1), rs.getString(2), rs.getString(3), floats(rs.getBytes(4))))
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
		return jdbc.sql("select id, title, body, embedding from feedback where id in (:ids) and embedding is not null")
			.param("ids", some)
			.query((rs, n) -> new Text(rs.getLong(1), rs.getString(2), rs.getString(3), floats(rs.getBytes(4))))
			.list();
	}

	/** The feedback's stored sentence vector, or null while it has none. */
	float[] vector(long id) {
		return jdbc.sql("select embedding from feedback where id = ?")
			.param(id)
			.query((rs, n) -> floats(rs.getBytes(1)))
			.optional()
			.orElse(null);
	}

	/** Up to {@code limit} of the product's feedback stored without a vector, by id. */
	List<Text> withoutVector(String productKey, int limit) {
		return jdbc
			.sql("select id, title, body from feedback where product_key = ? and embedding is null order by id limit ?")
			.params(productKey, limit)
			.query((rs, n) -> new Text(rs.getLong(1), rs.getString(2), rs.getString(3), null))
			.list();
	}

	void storeVector(long id, float[] vector) {
		jdbc.sql("update feedback set embedding = ? where id = ?").params(bytes(vector), id).update();
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
