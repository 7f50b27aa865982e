package dev.priora.feedback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The kinds and sentiments of feedback ({@code feedback.kind*}, {@code sentiment}) and
 * the products' kind-model checks ({@code kind_models}).
 */
@Repository
class KindRepository {

	/** A feedback's text, vector and kind, for training and predicting. */
	record Labelled(long id, String title, String text, float[] vector, FeedbackKind kind) {

		String fullText() {
			return KindClassifier.fullText(title, text);
		}

	}

	/** The last check of a product's kind model, as stored. */
	record ModelRow(String inUse, int labels, String labelsStamp, Double productAccuracy, Double generalAccuracy,
			Double productMacroF1, Double generalMacroF1, String confusion, Instant trainedAt, String settings) {
	}

	/**
	 * The condition of a page sorted by kind that follows the cursor's row
	 * ({@code :before}): a later kind, or the same kind and an older id.
	 */
	static final String AFTER_CURSOR_BY_KIND = " and (" + kindRank("f") + " > " + cursorRank() + " or (" + kindRank("f")
			+ " = " + cursorRank() + " and f.id < :before))";

	private final JdbcClient jdbc;

	KindRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores a model's guess unless a person has set the kind. */
	void storePrediction(long id, KindGuess guess) {
		jdbc.sql("""
				update feedback set kind = ?, kind_confidence = ?, kind_source = 'predicted', sentiment = ?
				where id = ? and (kind_source is null or kind_source = 'predicted')""")
			.params(guess.kind().name(),
					java.math.BigDecimal.valueOf(guess.confidence()).setScale(4, java.math.RoundingMode.HALF_UP),
					guess.sentiment().name(), id)
			.update();
	}

	/** A person's kind: a label, confidence 1. */
	void setKind(long id, FeedbackKind kind, Instant now) {
		jdbc.sql("""
				update feedback set kind = ?, kind_confidence = 1, kind_source = 'set', updated_at = ?,
				  version = version + 1 where id = ?""").params(kind.name(), now.atOffset(ZoneOffset.UTC), id).update();
	}

	/** The product's labels (kinds set by people) with their vectors, by id. */
	List<Labelled> labels(String productKey) {
		return jdbc.sql("""
				select id, title, body, embedding, kind from feedback where product_key = ? and kind_source = 'set'
				and embedding is not null and merged_into is null order by id""")
			.param(productKey)
			.query(KindRepository::labelled)
			.list();
	}

	/**
	 * A cheap fingerprint of the product's labels: their number and a sum over their ids
	 * weighted by kind, which changes when a label is added, changed or merged away.
	 */
	String labelsFingerprint(String productKey) {
		StringBuilder weight = new StringBuilder("case kind");
		for (FeedbackKind k : FeedbackKind.values()) {
			weight.append(" when '").append(k.name()).append("' then ").append(k.ordinal() + 1);
		}
		weight.append(" else 0 end");
		return jdbc.sql("select count(*), coalesce(sum(id * (" + weight + ")), 0) from feedback"
				+ " where product_key = ? and kind_source = 'set' and embedding is not null and merged_into is null")
			.param(productKey)
			.query((rs, n) -> rs.getLong(1) + ":" + rs.getLong(2))
			.single();
	}

	int labelCount(String productKey) {
		return jdbc
			.sql("select count(*) from feedback where product_key = ? and kind_source = 'set'"
					+ " and embedding is not null and merged_into is null")
			.param(productKey)
			.query(Integer.class)
			.single();
	}

	/**
	 * Up to {@code limit} feedback after {@code afterId} with a vector whose kind a model
	 * should (re)compute: those without one, and with {@code all} every predicted one.
	 */
	List<Labelled> toPredict(String productKey, long afterId, boolean all, int limit) {
		String which = all ? "(kind is null or kind_source = 'predicted')" : "kind is null";
		return jdbc
			.sql("select id, title, body, embedding, kind from feedback where product_key = ? and id > ?"
					+ " and embedding is not null and " + which + " order by id limit ?")
			.params(productKey, afterId, limit)
			.query(KindRepository::labelled)
			.list();
	}

	/** Products with feedback that has a vector but no kind yet (after an upgrade). */
	List<String> productsWithoutKinds() {
		return jdbc.sql("select distinct product_key from feedback where kind is null and embedding is not null")
			.query(String.class)
			.list();
	}

	Optional<ModelRow> model(String productKey) {
		return jdbc.sql("""
				select in_use, labels, labels_stamp, product_accuracy, general_accuracy, product_macro_f1,
				  general_macro_f1, confusion, trained_at, settings from kind_models where product_key = ?""")
			.param(productKey)
			.query((rs, n) -> new ModelRow(rs.getString(1), rs.getInt(2), rs.getString(3), dbl(rs, 4), dbl(rs, 5),
					dbl(rs, 6), dbl(rs, 7), rs.getString(8), rs.getTimestamp(9).toInstant(), rs.getString(10)))
			.optional();
	}

	void saveModel(String productKey, ModelRow m) {
		jdbc.sql("delete from kind_models where product_key = ?").param(productKey).update();
		jdbc.sql("""
				insert into kind_models (product_key, in_use, labels, labels_stamp, product_accuracy, general_accuracy,
				  product_macro_f1, general_macro_f1, confusion, trained_at, settings)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(productKey, m.inUse(), m.labels(), m.labelsStamp(), m.productAccuracy(), m.generalAccuracy(),
					m.productMacroF1(), m.generalMacroF1(), m.confusion(), m.trainedAt().atOffset(ZoneOffset.UTC),
					m.settings())
			.update();
	}

	private static String cursorRank() {
		return "(select " + kindRank("b") + " from feedback b where b.id = :before)";
	}

	static Double confidence(java.math.BigDecimal value) {
		return value == null ? null : value.doubleValue();
	}

	/** The kind's position in {@link FeedbackKind}, no kind last. */
	static String kindRank(String alias) {
		StringBuilder sql = new StringBuilder("case " + alias + ".kind");
		for (FeedbackKind k : FeedbackKind.values()) {
			sql.append(" when '").append(k.name()).append("' then ").append(k.ordinal());
		}
		return sql.append(" else 99 end").toString();
	}

	private static Double dbl(ResultSet rs, int column) throws SQLException {
		double v = rs.getDouble(column);
		return rs.wasNull() ? null : v;
	}

	private static Labelled labelled(ResultSet rs, int n) throws SQLException {
		String kind = rs.getString(5);
		return new Labelled(rs.getLong(1), rs.getString(2), rs.getString(3),
				FeedbackTextRepository.floats(rs.getBytes(4)), kind == null ? null : FeedbackKind.valueOf(kind));
	}

}
