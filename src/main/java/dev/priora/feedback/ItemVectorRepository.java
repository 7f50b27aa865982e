package dev.priora.feedback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stored sentence vectors of backlog items ({@code item_vectors}), and the items'
 * texts read from the backlog's {@code items} table (read only) for embedding and for the
 * similarity index. A vector is current while its {@code text_hash} is the hash of the
 * item's title and description ({@link #hash}).
 */
@Repository
class ItemVectorRepository {

	/**
	 * An item's text with its stored vector: {@code vectorHash}, {@code vector} and
	 * {@code embeddedAt} are null when it has none.
	 */
	record ItemText(long id, long productId, String title, String text, boolean rejected, String vectorHash,
			float[] vector, Instant updatedAt, Instant embeddedAt) {

		/**
		 * The stored vector when it was computed from the item's current text, else null.
		 */
		float[] currentVector() {
			return vector != null && hash(title, text).equals(vectorHash) ? vector : null;
		}

	}

	private static final String SELECT = """
			select i.id, i.product_id, i.title, i.description, i.status, v.text_hash, v.embedding, i.updated_at,
			  v.embedded_at from items i left join item_vectors v on v.item_id = i.id""";

	private final JdbcClient jdbc;

	ItemVectorRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The SHA-256 of a title and text, as {@code text_hash} holds it. */
	static String hash(String title, String text) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update((title == null ? "" : title).getBytes(StandardCharsets.UTF_8));
			sha.update((byte) 0);
			sha.update((text == null ? "" : text).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(sha.digest());
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The product's items updated after {@code since}, with their stored vectors. */
	List<ItemText> updatedSince(long productId, Instant since) {
		return jdbc.sql(SELECT + " where i.product_id = ? and i.updated_at > ?")
			.params(productId, Timestamp.from(since))
			.query((rs, n) -> row(rs))
			.list();
	}

	/** Up to {@code limit} of the product's items after {@code afterId}, by id. */
	List<ItemText> page(long productId, long afterId, int limit) {
		return jdbc.sql(SELECT + " where i.product_id = ? and i.id > ? order by i.id limit ?")
			.params(productId, afterId, limit)
			.query((rs, n) -> row(rs))
			.list();
	}

	/**
	 * The latest item update and the latest vector of the product (the epoch when there
	 * is none).
	 */
	Instant[] watermarks(long productId) {
		return jdbc.sql("""
				select (select max(updated_at) from items where product_id = ?),
				  (select max(embedded_at) from item_vectors where product_id = ?)""")
			.params(productId, productId)
			.query((rs, n) -> new Instant[] { instant(rs.getTimestamp(1)), instant(rs.getTimestamp(2)) })
			.single();
	}

	private static Instant instant(Timestamp t) {
		return t == null ? Instant.EPOCH : t.toInstant();
	}

	/** The product's items whose vector was stored after {@code since}. */
	List<ItemText> embeddedSince(long productId, Instant since) {
		return jdbc.sql("""
				select i.id, i.product_id, i.title, i.description, i.status, v.text_hash, v.embedding, i.updated_at,
				  v.embedded_at from item_vectors v join items i on i.id = v.item_id
				where v.product_id = ? and v.embedded_at > ?""")
			.params(productId, Timestamp.from(since))
			.query((rs, n) -> row(rs))
			.list();
	}

	/**
	 * Up to {@code limit} of the product's open items that have no vector or were updated
	 * after theirs was computed, by id.
	 */
	List<ItemText> needingVectors(String productKey, int limit) {
		return jdbc
			.sql(SELECT
					+ """
							 join products p on p.id = i.product_id
							where p.product_key = ? and i.status <> 'REJECTED' and (v.item_id is null or v.embedded_at < i.updated_at)
							order by i.id limit ?""")
			.params(productKey, limit)
			.query((rs, n) -> row(rs))
			.list();
	}

	/** These items' texts with their stored vectors. */
	List<ItemText> findAll(List<Long> itemIds) {
		if (itemIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SELECT + " where i.id in (:ids)").param("ids", itemIds).query((rs, n) -> row(rs)).list();
	}

	/** One item's text and vector. */
	Optional<ItemText> find(long itemId) {
		return jdbc.sql(SELECT + " where i.id = ?").param(itemId).query((rs, n) -> row(rs)).optional();
	}

	/** The keys of the products that have open items without a vector. */
	List<String> productsNeedingVectors() {
		return jdbc.sql("""
				select p.product_key from products p where exists (select 1 from items i
				  left join item_vectors v on v.item_id = i.id
				  where i.product_id = p.id and i.status <> 'REJECTED' and v.item_id is null)""")
			.query(String.class)
			.list();
	}

	/**
	 * Stores the item's vector of the text with this hash, replacing any (two nodes may
	 * store the same item at once: the later write wins).
	 */
	void store(long itemId, long productId, String textHash, float[] vector, Instant at) {
		String update = "update item_vectors set text_hash = ?, embedding = ?, embedded_at = ? where item_id = ?";
		Object[] updateParams = { textHash, FeedbackTextRepository.bytes(vector), Timestamp.from(at), itemId };
		if (jdbc.sql(update).params(updateParams).update() == 0 && jdbc.sql("""
				insert into item_vectors (item_id, product_id, text_hash, embedding, embedded_at)
				values (?, ?, ?, ?, ?) on conflict do nothing""")
			.params(itemId, productId, textHash, FeedbackTextRepository.bytes(vector), Timestamp.from(at))
			.update() == 0) {
			jdbc.sql(update).params(updateParams).update();
		}
	}

	/** Marks the item's vector as still current (its text did not change). */
	void confirm(long itemId, Instant at) {
		jdbc.sql("update item_vectors set embedded_at = ? where item_id = ?")
			.params(Timestamp.from(at), itemId)
			.update();
	}

	private static ItemText row(java.sql.ResultSet rs) throws java.sql.SQLException {
		Timestamp embedded = rs.getTimestamp(9);
		return new ItemText(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
				"REJECTED".equals(rs.getString(5)), rs.getString(6), FeedbackTextRepository.floats(rs.getBytes(7)),
				rs.getTimestamp(8).toInstant(), embedded == null ? null : embedded.toInstant());
	}

}
