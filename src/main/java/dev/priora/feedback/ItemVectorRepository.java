package dev.priora.feedback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.priora.feedback.engine.VectorScan;

/**
 * The stored sentence vectors of backlog items ({@code item_vectors}, and their
 * {@link VectorScan#codes} in {@code item_vector_codes}), and the items' texts read from
 * the backlog's {@code items} table (read only) for embedding and for the similarity
 * index. A vector is current while its {@code text_hash} is the hash of the item's title
 * and description ({@link #hash}).
 */
@Repository
class ItemVectorRepository {

	/**
	 * An item's text with its stored vector: {@code vectorHash}, {@code vector} and
	 * {@code embeddedAt} are null when it has none.
	 */
	record ItemText(long id, long productId, String title, String text, boolean rejected, String vectorHash,
			float[] vector, Instant updatedAt, Instant embeddedAt, String vectorModel) {

		/**
		 * The stored vector when the current model computed it from the item's current
		 * text, else null.
		 */
		float[] currentVector() {
			return vector != null && SentenceEmbedder.MODEL.equals(vectorModel) && hash(title, text).equals(vectorHash)
					? vector : null;
		}

	}

	private static final String SELECT = """
			select i.id, i.product_id, i.title, i.description, i.status, v.text_hash, v.embedding, i.updated_at,
			  v.embedded_at, v.embedding_model from items i left join item_vectors v on v.item_id = i.id""";

	private final JdbcClient jdbc;

	private final StreamingReads streaming;

	private final TransactionTemplate transaction;

	ItemVectorRepository(JdbcClient jdbc, StreamingReads streaming, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.streaming = streaming;
		this.transaction = new TransactionTemplate(transactions);
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
				  v.embedded_at, v.embedding_model from item_vectors v join items i on i.id = v.item_id
				where v.product_id = ? and v.embedded_at > ?""")
			.params(productId, Timestamp.from(since))
			.query((rs, n) -> row(rs))
			.list();
	}

	/**
	 * Up to {@code limit} of the product's open items that have no vector, were updated
	 * after theirs was computed or have one of another model, by id.
	 */
	List<ItemText> needingVectors(String productKey, int limit) {
		return jdbc.sql(SELECT + """
				 join products p on p.id = i.product_id
				where p.product_key = ? and i.status <> 'REJECTED'
				  and (v.item_id is null or v.embedded_at < i.updated_at or v.embedding_model <> ?)
				order by i.id limit ?""")
			.params(productKey, SentenceEmbedder.MODEL, limit)
			.query((rs, n) -> row(rs))
			.list();
	}

	/**
	 * Adds the stored vectors of the current model of the product's items that are not
	 * rejected to the scan as {@code prefix + item id}, in one streamed query of their
	 * codes ({@code item_vector_codes}); no text is read, so a vector may be of an item's
	 * earlier text (for a first answer while the index is built). Answers how many.
	 */
	int scanVectors(long productId, String prefix, VectorScan.Builder scan) {
		Set<Long> rejected = new HashSet<>(jdbc.sql("select id from items where product_id = ? and status = 'REJECTED'")
			.param(productId)
			.query(Long.class)
			.list());
		int[] count = { 0 };
		streaming.each("select item_id, codes from item_vector_codes where product_id = ? and embedding_model = ?",
				rs -> {
					long id = rs.getLong(1);
					if (!rejected.contains(id)) {
						scan.addCodes(prefix, id, rs.getBytes(2));
						count[0]++;
					}
				}, productId, SentenceEmbedder.MODEL);
		return count[0];
	}

	/** The ids of the product's items, in one streamed query. */
	List<Long> ids(long productId) {
		List<Long> ids = new java.util.ArrayList<>();
		streaming.each("select id from items where product_id = ?", rs -> ids.add(rs.getLong(1)), productId);
		return ids;
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

	/**
	 * The keys of the products that have open items without a vector of the current
	 * model.
	 */
	List<String> productsNeedingVectors() {
		return jdbc
			.sql("""
					select p.product_key from products p where exists (select 1 from items i
					  left join item_vectors v on v.item_id = i.id
					  where i.product_id = p.id and i.status <> 'REJECTED' and (v.item_id is null or v.embedding_model <> ?))""")
			.param(SentenceEmbedder.MODEL)
			.query(String.class)
			.list();
	}

	/**
	 * Stores the item's vector of the text with this hash, and its codes, replacing any
	 * (two nodes may store the same item at once: the later write wins), in a short
	 * transaction of its own.
	 */
	void store(long itemId, long productId, String textHash, float[] vector, Instant at) {
		transaction.executeWithoutResult(status -> {
			upsert("""
					update item_vectors set text_hash = ?, embedding = ?, embedded_at = ?, embedding_model = ?
					where item_id = ?""",
					new Object[] { textHash, FeedbackTextRepository.bytes(vector), Timestamp.from(at),
							SentenceEmbedder.MODEL, itemId },
					"""
							insert into item_vectors (item_id, product_id, text_hash, embedding, embedded_at, embedding_model)
							values (?, ?, ?, ?, ?, ?) on conflict do nothing""",
					new Object[] { itemId, productId, textHash, FeedbackTextRepository.bytes(vector),
							Timestamp.from(at), SentenceEmbedder.MODEL });
			byte[] codes = VectorScan.codes(vector);
			upsert("update item_vector_codes set embedding_model = ?, codes = ? where item_id = ?",
					new Object[] { SentenceEmbedder.MODEL, codes, itemId }, """
							insert into item_vector_codes (item_id, product_id, embedding_model, codes)
							values (?, ?, ?, ?) on conflict do nothing""",
					new Object[] { itemId, productId, SentenceEmbedder.MODEL, codes });
		});
	}

	/** Updates the row, or inserts it, or (inserted meanwhile by another) updates it. */
	private void upsert(String update, Object[] updateParams, String insert, Object[] insertParams) {
		if (jdbc.sql(update).params(updateParams).update() == 0
				&& jdbc.sql(insert).params(insertParams).update() == 0) {
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
				rs.getTimestamp(8).toInstant(), embedded == null ? null : embedded.toInstant(), rs.getString(10));
	}

}
