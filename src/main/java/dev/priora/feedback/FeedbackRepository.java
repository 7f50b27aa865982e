package dev.priora.feedback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Feedback, its tags and links. Item keys and titles are read from the backlog's
 * {@code items} table (read only), so that a page of feedback with its links is one query
 * each. The texts and sentence vectors the similarity index reads are in
 * {@link FeedbackTextRepository}.
 */
@Repository
class FeedbackRepository {

	private static final String COLUMNS = """
			f.id, f.title, f.body, f.customer_id, c.name as customer_name, f.contact_id, f.channel, f.received_at,
			f.status, f.external_id, f.merged_into, f.version, f.submitter_name, f.submitter_email,
			f.suggested_customer_id, s.name as suggested_customer_name, f.kind, f.kind_confidence, f.kind_source,
			f.sentiment""";

	private static final String FROM = " from feedback f left join customers c on c.id = f.customer_id"
			+ " left join customers s on s.id = f.suggested_customer_id";

	record Row(long id, String title, String text, Long customerId, String customerName, Long contactId,
			Channel channel, Instant receivedAt, FeedbackStatus status, String externalId, Long mergedInto,
			long version, String submitterName, String submitterEmail, Long suggestedCustomerId,
			String suggestedCustomerName, FeedbackKind kind, Double kindConfidence, String kindSource,
			Sentiment sentiment) {
	}

	/**
	 * One link seen from an item: the customer behind it, their segment and revenue, and
	 * the importance.
	 */
	record DemandRow(Long customerId, String segment, java.math.BigDecimal revenue, String currency,
			Importance importance) {
	}

	private final JdbcClient jdbc;

	private final FeedbackTextRepository texts;

	FeedbackRepository(JdbcClient jdbc, FeedbackTextRepository texts) {
		this.jdbc = jdbc;
		this.texts = texts;
	}

	long insert(String productKey, FeedbackDraft d, Channel channel, Instant receivedAt, float[] vector, Long user,
			Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into feedback (product_key, title, body, customer_id, contact_id, channel, received_at, status,
				  external_id, embedding, embedding_model, submitted_by, created_at, updated_at)
				  values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(productKey, d.title(), d.text(), d.customerId(), d.contactId(), channel.name(),
					receivedAt.atOffset(ZoneOffset.UTC), FeedbackStatus.NEW.name(), d.externalId(),
					FeedbackTextRepository.bytes(vector), vector == null ? null : SentenceEmbedder.MODEL, user,
					now.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		if (vector != null) {
			texts.storeCodes(id, vector);
		}
		for (String tag : d.tags()) {
			jdbc.sql("insert into feedback_tags (feedback_id, tag) values (?, ?)").params(id, tag).update();
		}
		return id;
	}

	Optional<Row> find(String productKey, long id) {
		return jdbc.sql("select " + COLUMNS + FROM + " where f.product_key = ? and f.id = ?")
			.params(productKey, id)
			.query(FeedbackRepository::row)
			.optional();
	}

	/** The product's feedback with these ids, by id. */
	Map<Long, Row> findAll(String productKey, List<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<Long, Row> rows = new HashMap<>();
		jdbc.sql("select " + COLUMNS + FROM + " where f.product_key = :product and f.id in (:ids)")
			.param("product", productKey)
			.param("ids", ids)
			.query(FeedbackRepository::row)
			.list()
			.forEach(r -> rows.put(r.id(), r));
		return rows;
	}

	/**
	 * Newest first, after {@code beforeId} (the cursor) when given, filtered by the
	 * non-null arguments.
	 */
	List<Row> page(String productKey, FeedbackFilter filter, Long beforeId, int limit) {
		StringBuilder sql = new StringBuilder("select " + COLUMNS + FROM + " where f.product_key = :product");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("product", productKey);
		if (beforeId != null && filter.byKind()) {
			// after the cursor's row in (kind, id desc) order; no kind sorts last
			sql.append(KindRepository.AFTER_CURSOR_BY_KIND);
			params.put("before", beforeId);
		}
		else if (beforeId != null) {
			sql.append(" and f.id < :before");
			params.put("before", beforeId);
		}
		if (filter.status() != null) {
			sql.append(" and f.status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.channel() != null) {
			sql.append(" and f.channel = :channel");
			params.put("channel", filter.channel().name());
		}
		if (filter.customerId() != null) {
			sql.append(" and f.customer_id = :customer");
			params.put("customer", filter.customerId());
		}
		if (filter.segment() != null) {
			sql.append(" and c.segment = :segment");
			params.put("segment", filter.segment());
		}
		if (filter.tag() != null) {
			sql.append(" and exists (select 1 from feedback_tags t where t.feedback_id = f.id and t.tag = :tag)");
			params.put("tag", filter.tag());
		}
		if (filter.kind() != null) {
			sql.append(" and f.kind = :kind");
			params.put("kind", filter.kind().name());
		}
		if (filter.from() != null) {
			sql.append(" and f.received_at >= :from");
			params.put("from", filter.from().atOffset(ZoneOffset.UTC));
		}
		if (filter.to() != null) {
			sql.append(" and f.received_at < :to");
			params.put("to", filter.to().atOffset(ZoneOffset.UTC));
		}
		sql.append(filter.byKind() ? " order by " + KindRepository.kindRank("f") + ", f.id desc limit :limit"
				: " order by f.id desc limit :limit");
		params.put("limit", limit);
		return jdbc.sql(sql.toString()).params(params).query(FeedbackRepository::row).list();
	}

	void update(long id, String title, String text, Long customerId, FeedbackStatus status, Long mergedInto,
			Instant now) {
		jdbc.sql("""
				update feedback set title = ?, body = ?, customer_id = ?, status = ?, merged_into = ?, updated_at = ?,
				  version = version + 1 where id = ?""")
			.params(title, text, customerId, status.name(), mergedInto, now.atOffset(ZoneOffset.UTC), id)
			.update();
		texts.markMerged(id, mergedInto != null);
	}

	Map<Long, List<String>> tags(List<Long> ids) {
		Map<Long, List<String>> map = new HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql("select feedback_id, tag from feedback_tags where feedback_id in (:ids) order by tag")
				.param("ids", ids)
				.query((rs, n) -> map.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)))
				.list();
		}
		return map;
	}

	Map<Long, List<FeedbackView.Link>> links(String productKey, List<Long> ids) {
		Map<Long, List<FeedbackView.Link>> map = new HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql("""
					select l.feedback_id, i.item_number, i.title, l.importance, l.quote, i.status from feedback_links l
					join items i on i.id = l.item_id where l.feedback_id in (:ids) order by i.item_number""")
				.param("ids", ids)
				.query((rs, n) -> map.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(new FeedbackView.Link(productKey + "-" + rs.getLong(2), rs.getString(3), rs.getString(6),
							Importance.valueOf(rs.getString(4)), rs.getString(5))))
				.list();
		}
		return map;
	}

	void link(long feedbackId, long itemId, Importance importance, String quote, long user, Instant now) {
		jdbc.sql("delete from feedback_links where feedback_id = ? and item_id = ?")
			.params(feedbackId, itemId)
			.update();
		jdbc.sql("""
				insert into feedback_links (feedback_id, item_id, importance, quote, created_at, created_by)
				values (?, ?, ?, ?, ?, ?)""")
			.params(feedbackId, itemId, importance.name(), quote, now.atOffset(ZoneOffset.UTC), user)
			.update();
	}

	boolean unlink(long feedbackId, long itemId) {
		return jdbc.sql("delete from feedback_links where feedback_id = ? and item_id = ?")
			.params(feedbackId, itemId)
			.update() > 0;
	}

	int linkCount(long feedbackId) {
		return jdbc.sql("select count(*) from feedback_links where feedback_id = ?")
			.param(feedbackId)
			.query(Integer.class)
			.single();
	}

	/**
	 * Copies the links of one feedback to another, keeping the higher importance where
	 * both have one.
	 */
	void setContact(long id, Long contactId) {
		jdbc.sql("update feedback set contact_id = ? where id = ?").params(contactId, id).update();
	}

	/**
	 * Sets (or with null clears) the customer suggested for the feedback, for the team to
	 * confirm or dismiss.
	 */
	void suggestCustomer(long id, Long customerId) {
		jdbc.sql("update feedback set suggested_customer_id = ? where id = ?").params(customerId, id).update();
	}

	/**
	 * Records the sender of e-mailed feedback and the customer suggested from their
	 * address (null for none).
	 */
	void sender(long id, String name, String email, Long suggestedCustomerId) {
		jdbc.sql("update feedback set submitter_name = ?, submitter_email = ?, suggested_customer_id = ? where id = ?")
			.params(name, email, suggestedCustomerId, id)
			.update();
	}

	/** The external ids of the product's imported feedback. */
	List<String> externalIds(String productKey) {
		return jdbc.sql("select external_id from feedback where product_key = ? and external_id is not null")
			.param(productKey)
			.query(String.class)
			.list();
	}

	void copyLinks(long from, long to, long user, Instant now) {
		for (var l : jdbc.sql("select item_id, importance, quote from feedback_links where feedback_id = ?")
			.param(from)
			.query((rs, n) -> new Object[] { rs.getLong(1), Importance.valueOf(rs.getString(2)), rs.getString(3) })
			.list()) {
			Optional<Importance> existing = jdbc
				.sql("select importance from feedback_links where feedback_id = ? and item_id = ?")
				.params(to, l[0])
				.query(String.class)
				.optional()
				.map(Importance::valueOf);
			Importance importance = (Importance) l[1];
			if (existing.isEmpty() || existing.get().weight() < importance.weight()) {
				link(to, (Long) l[0], importance, (String) l[2], user, now);
			}
		}
	}

	List<DemandRow> demand(long itemId) {
		return jdbc
			.sql("""
					select f.customer_id, c.segment, c.revenue_amount, c.revenue_currency, l.importance
					from feedback_links l join feedback f on f.id = l.feedback_id left join customers c on c.id = f.customer_id
					where l.item_id = ?""")
			.param(itemId)
			.query((rs, n) -> new DemandRow((Long) rs.getObject(1, Long.class), rs.getString(2), rs.getBigDecimal(3),
					rs.getString(4), Importance.valueOf(rs.getString(5))))
			.list();
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong("id"), rs.getString("title"), rs.getString("body"),
				(Long) rs.getObject("customer_id", Long.class), rs.getString("customer_name"),
				(Long) rs.getObject("contact_id", Long.class), Channel.valueOf(rs.getString("channel")),
				rs.getTimestamp("received_at").toInstant(), FeedbackStatus.valueOf(rs.getString("status")),
				rs.getString("external_id"), (Long) rs.getObject("merged_into", Long.class), rs.getLong("version"),
				rs.getString("submitter_name"), rs.getString("submitter_email"),
				(Long) rs.getObject("suggested_customer_id", Long.class), rs.getString("suggested_customer_name"),
				rs.getString("kind") == null ? null : FeedbackKind.valueOf(rs.getString("kind")),
				KindRepository.confidence(rs.getBigDecimal("kind_confidence")), rs.getString("kind_source"),
				rs.getString("sentiment") == null ? null : Sentiment.valueOf(rs.getString("sentiment")));
	}

}
