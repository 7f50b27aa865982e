package dev.priora.followups;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Drafted messages ({@code followups}), the feedback each answers
 * ({@code followup_feedback}) and the auto-send setting ({@code followup_settings}); who
 * asked is read by {@link AskerRepository}.
 */
@Repository
class FollowupRepository {

	/** A message to write. */
	record New(String productKey, Shipped shipped, Long releaseId, Recipient recipient, String subject, String body,
			FollowupStatus status, Instant at) {
	}

	/** A stored message. */
	record Row(long id, String productKey, Shipped shipped, Long releaseId, String releaseName, Recipient recipient,
			String customerName, String subject, String body, FollowupStatus status, Instant createdAt, Instant toldAt,
			long version) {
	}

	private static final String COLUMNS = """
			f.id, f.product_key, f.shipped_kind, f.shipped_id, f.shipped_name, f.release_id, r.name as release_name,
			f.recipient_key, f.customer_id, f.contact_id, f.recipient_name, f.recipient_email, c.name as customer_name,
			f.subject, f.body, f.status, f.created_at, f.told_at, f.version
			from followups f left join customers c on c.id = f.customer_id left join releases r on r.id = f.release_id""";

	private final JdbcClient jdbc;

	FollowupRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** For each of these items, the people already drafted about it (any status). */
	Map<Long, Set<String>> covered(String productKey, Collection<Long> itemIds) {
		Map<Long, Set<String>> result = new HashMap<>();
		if (itemIds.isEmpty()) {
			return result;
		}
		jdbc.sql(
				"""
						select distinct ff.item_id, f.recipient_key from followup_feedback ff join followups f on f.id = ff.followup_id
						where f.product_key = :key and ff.item_id in (:ids)""")
			.param("key", productKey)
			.param("ids", itemIds)
			.query(rs -> {
				result.computeIfAbsent(rs.getLong(1), k -> new TreeSet<>()).add(rs.getString(2));
			});
		return result;
	}

	boolean exists(String productKey, Shipped shipped, String recipientKey) {
		return jdbc.sql("""
				select count(*) from followups where product_key = ? and shipped_kind = ? and shipped_id = ?
				and recipient_key = ?""")
			.params(productKey, shipped.kind().name(), shipped.id(), recipientKey)
			.query(Long.class)
			.single() > 0;
	}

	long insert(New n) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		Recipient to = n.recipient();
		jdbc.sql(
				"""
						insert into followups (product_key, shipped_kind, shipped_id, shipped_name, release_id, recipient_key,
						  customer_id, contact_id, recipient_name, recipient_email, subject, body, status, created_at, updated_at)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(n.productKey(), n.shipped().kind().name(), n.shipped().id(), clip(n.shipped().name(), 400),
					n.releaseId(), to.key(), to.customerId(), to.contactId(), clip(to.name(), 200), to.email(),
					n.subject(), n.body(), n.status().name(), utc(n.at()), utc(n.at()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void answers(long followupId, long feedbackId, long itemId) {
		jdbc.sql("insert into followup_feedback (followup_id, feedback_id, item_id) values (?, ?, ?)")
			.params(followupId, feedbackId, itemId)
			.update();
	}

	/** The product's messages in these statuses (all when empty), newest first. */
	List<Row> list(String productKey, Collection<FollowupStatus> statuses, int limit) {
		String where = statuses.isEmpty() ? "" : " and f.status in (:statuses)";
		var sql = jdbc
			.sql("select " + COLUMNS + " where f.product_key = :key" + where
					+ " order by coalesce(f.told_at, f.created_at) desc, f.id desc limit :limit")
			.param("key", productKey)
			.param("limit", limit);
		if (!statuses.isEmpty()) {
			sql = sql.param("statuses", statuses.stream().map(Enum::name).toList());
		}
		return sql.query(FollowupRepository::row).list();
	}

	List<Row> find(String productKey, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select " + COLUMNS + " where f.product_key = :key and f.id in (:ids)")
			.param("key", productKey)
			.param("ids", ids)
			.query(FollowupRepository::row)
			.list();
	}

	/**
	 * Each message's quoted words: its feedbacks' quotes (else their texts), oldest
	 * first.
	 */
	Map<Long, List<String>> words(Collection<Long> followupIds) {
		Map<Long, List<String>> result = new LinkedHashMap<>();
		if (followupIds.isEmpty()) {
			return result;
		}
		jdbc.sql(
				"""
						select distinct ff.followup_id, f.id, f.received_at, case when l.quote <> '' then l.quote else f.body end
						from followup_feedback ff join feedback f on f.id = ff.feedback_id
						left join feedback_links l on l.feedback_id = ff.feedback_id and l.item_id = ff.item_id
						where ff.followup_id in (:ids) order by f.received_at, f.id""")
			.param("ids", followupIds)
			.query(rs -> {
				List<String> words = result.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>());
				if (rs.getString(4) != null && !words.contains(rs.getString(4))) {
					words.add(rs.getString(4));
				}
			});
		return result;
	}

	/** Each message's feedback ids. */
	Map<Long, List<Long>> feedbackIds(Collection<Long> followupIds) {
		Map<Long, List<Long>> result = new HashMap<>();
		if (!followupIds.isEmpty()) {
			jdbc.sql("select distinct followup_id, feedback_id from followup_feedback where followup_id in (:ids)"
					+ " order by feedback_id")
				.param("ids", followupIds)
				.query(rs -> {
					result.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
				});
		}
		return result;
	}

	/** Changes a draft's words when it is at {@code version} and still a draft. */
	boolean edit(long id, String subject, String body, long version, Instant now) {
		return jdbc.sql("""
				update followups set subject = ?, body = ?, updated_at = ?, version = version + 1
				where id = ? and version = ? and status = 'DRAFT'""")
			.params(subject, body, utc(now), id, version)
			.update() == 1;
	}

	/**
	 * Moves a draft to {@code status}, recording when and by whom; false when no longer a
	 * draft.
	 */
	boolean close(long id, FollowupStatus status, Instant at, Long user) {
		return jdbc.sql("""
				update followups set status = ?, told_at = ?, told_by = ?, updated_at = ?, version = version + 1
				where id = ? and status = 'DRAFT'""")
			.params(status.name(), status == FollowupStatus.DISMISSED ? null : utc(at), user, utc(at), id)
			.update() == 1;
	}

	boolean autoSend(String productKey) {
		return jdbc.sql("select auto_send from followup_settings where product_key = ?")
			.param(productKey)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	void autoSend(String productKey, boolean on) {
		if (jdbc.sql("update followup_settings set auto_send = ? where product_key = ?")
			.params(on, productKey)
			.update() == 0) {
			jdbc.sql("insert into followup_settings (product_key, auto_send) values (?, ?)")
				.params(productKey, on)
				.update();
		}
	}

	/** When each feedback's sender was first told (sent or told in person). */
	Map<Long, Instant> toldAt(String productKey, Collection<Long> feedbackIds) {
		Map<Long, Instant> result = new HashMap<>();
		if (feedbackIds.isEmpty()) {
			return result;
		}
		jdbc.sql(
				"""
						select ff.feedback_id, min(f.told_at) from followup_feedback ff join followups f on f.id = ff.followup_id
						where f.product_key = :key and f.status in ('SENT', 'MANUAL') and ff.feedback_id in (:ids)
						group by ff.feedback_id""")
			.param("key", productKey)
			.param("ids", feedbackIds)
			.query(rs -> {
				result.put(rs.getLong(1), instant(rs, 2));
			});
		return result;
	}

	/** The messages sent or told to a customer's people, newest first. */
	List<Row> toldCustomer(String productKey, long customerId) {
		return jdbc.sql("select " + COLUMNS + """
				 where f.product_key = ? and f.customer_id = ? and f.status in ('SENT', 'MANUAL')
				order by f.told_at desc, f.id desc limit 100""")
			.params(productKey, customerId)
			.query(FollowupRepository::row)
			.list();
	}

	/**
	 * The demo's past: drafts made before {@code before} are marked sent a day after they
	 * were made.
	 */
	int sentBefore(String productKey, Instant before) {
		return jdbc.sql("""
				update followups set status = 'SENT', told_at = created_at + interval '1' day, updated_at = created_at
				where product_key = ? and status = 'DRAFT' and recipient_email is not null and created_at < ?""")
			.params(productKey, utc(before))
			.update();
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		Shipped shipped = new Shipped(Shipped.Kind.valueOf(rs.getString("shipped_kind")), rs.getLong("shipped_id"),
				rs.getString("shipped_name"));
		Recipient to = new Recipient(rs.getString("recipient_key"), nullableLong(rs, "customer_id"),
				nullableLong(rs, "contact_id"), rs.getString("recipient_name"), rs.getString("recipient_email"));
		return new Row(rs.getLong("id"), rs.getString("product_key"), shipped, nullableLong(rs, "release_id"),
				rs.getString("release_name"), to, rs.getString("customer_name"), rs.getString("subject"),
				rs.getString("body"), FollowupStatus.valueOf(rs.getString("status")), instant(rs, "created_at"),
				instant(rs, "told_at"), rs.getLong("version"));
	}

	private static Long nullableLong(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, Long.class);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}

	private static OffsetDateTime utc(Instant t) {
		return t.atOffset(ZoneOffset.UTC);
	}

	private static String clip(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
	}

}
