package dev.priora.portal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.priora.feedback.Importance;

/**
 * Ideas ({@code portal_ideas}, with a vote and comment count kept in the row), votes,
 * comments and follows. Reads the links of the ideas' feedback ({@code feedback_links},
 * {@code items}) read-only, for the derived status and to link new votes where the idea
 * is linked.
 */
@Repository
class IdeaRepository {

	/** An idea's row with its effective status. */
	record Row(long id, String productKey, long feedbackId, long visitorId, String title, String body, String category,
			IdeaState state, IdeaStatus status, boolean statusByHand, String declinedReason, int votes, int comments,
			Instant createdAt, Long mergedInto) {
	}

	/** A vote; {@code feedbackId} is its feedback (the idea's own for its poster). */
	record Vote(long visitorId, Importance importance, Long feedbackId) {
	}

	/** A link of the idea's feedback to an item, and who made it. */
	record Link(String productKey, long itemNumber, Importance importance, long createdBy) {
	}

	private static final String ROW = "select i.id, i.product_key, i.feedback_id, i.visitor_id, i.title, i.body,"
			+ " i.category, i.state, " + IdeaStatus.SQL + " as effective, i.status, i.declined_reason, i.vote_count,"
			+ " i.comment_count, i.created_at, i.merged_into from portal_ideas i";

	private final JdbcClient jdbc;

	IdeaRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String productKey, long feedbackId, long visitorId, String title, String body, String category,
			IdeaState state, Instant now) {
		jdbc.sql(
				"""
						insert into portal_ideas (product_key, feedback_id, visitor_id, title, body, category, state, created_at)
						values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(productKey, feedbackId, visitorId, title, body, category, state.name(), utc(now))
			.update();
		return jdbc.sql("select id from portal_ideas where feedback_id = ?")
			.param(feedbackId)
			.query(Long.class)
			.single();
	}

	Optional<Row> find(String productKey, long id) {
		return jdbc.sql(ROW + " where i.product_key = ? and i.id = ?")
			.params(productKey, id)
			.query(IdeaRepository::row)
			.optional();
	}

	/** Locks the idea's row for a change of its votes, comments or state. */
	Optional<Row> lock(String productKey, long id) {
		Optional<Long> locked = jdbc.sql("select id from portal_ideas where product_key = ? and id = ? for update")
			.params(productKey, id)
			.query(Long.class)
			.optional();
		return locked.flatMap(x -> find(productKey, id));
	}

	Optional<Row> byFeedback(long feedbackId) {
		return jdbc.sql(ROW + " where i.feedback_id = ?").param(feedbackId).query(IdeaRepository::row).optional();
	}

	/** Every idea of the product, newest first (the team's list). */
	List<Row> all(String productKey) {
		return jdbc.sql(ROW + " where i.product_key = ? order by i.id desc")
			.param(productKey)
			.query(IdeaRepository::row)
			.list();
	}

	/**
	 * What a visitor's list shows: visible ideas and the visitor's own held ones, in the
	 * category when one is given, at most {@code limit}.
	 */
	List<IdeaSummary> list(String productKey, IdeaSort sort, String category, long visitorId, Instant since,
			int limit) {
		return list(productKey, sort, category, "", visitorId, since, limit);
	}

	/**
	 * The list, only ideas whose title or text contains {@code query} (any case) when one
	 * is given.
	 */
	List<IdeaSummary> list(String productKey, IdeaSort sort, String category, String query, long visitorId,
			Instant since, int limit) {
		String order = switch (sort) {
			case TRENDING -> "recent desc, i.vote_count desc, i.id desc";
			case TOP -> "i.vote_count desc, i.id desc";
			case NEW -> "i.id desc";
		};
		return jdbc.sql("""
				select i.id, i.title, i.category, i.state, %s as effective, i.vote_count, i.comment_count, i.created_at,
				  (select count(*) from portal_votes mv where mv.idea_id = i.id and mv.visitor_id = :me) as mine,
				  (select count(*) from portal_votes rv where rv.idea_id = i.id and rv.created_at > :since) as recent
				from portal_ideas i
				where i.product_key = :key and i.merged_into is null
				  and (i.state = 'VISIBLE' or (i.state = 'HELD' and i.visitor_id = :me))
				  and (:category = '' or i.category = :category)
				  and (:q = '' or lower(i.title) like :q escape '\\' or lower(i.body) like :q escape '\\')
				order by %s""".formatted(IdeaStatus.SQL, order) + " limit " + limit)
			.param("q", query.isEmpty() ? "" : "%" + like(query.toLowerCase(java.util.Locale.ROOT)) + "%")
			.param("me", visitorId)
			.param("since", utc(since))
			.param("key", productKey)
			.param("category", category)
			.query((rs, n) -> new IdeaSummary(rs.getLong("id"), rs.getString("title"), rs.getString("category"),
					IdeaState.valueOf(rs.getString("state")), IdeaStatus.valueOf(rs.getString("effective")),
					rs.getInt("vote_count"), rs.getInt("comment_count"), rs.getTimestamp("created_at").toInstant(),
					rs.getInt("mine") > 0))
			.list();
	}

	/** The ideas whose feedback, or one of whose votes' feedback, is among the given. */
	Map<Long, Long> ideasOfFeedback(String productKey, List<Long> feedbackIds) {
		if (feedbackIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, Long> byFeedback = new HashMap<>();
		jdbc.sql("""
				select i.feedback_id, i.id from portal_ideas i where i.product_key = :key and i.feedback_id in (:ids)
				union all
				select v.feedback_id, v.idea_id from portal_votes v join portal_ideas i on i.id = v.idea_id
				where i.product_key = :key and v.feedback_id in (:ids)""")
			.param("key", productKey)
			.param("ids", feedbackIds)
			.query(rs -> {
				byFeedback.putIfAbsent(rs.getLong(1), rs.getLong(2));
			});
		return byFeedback;
	}

	Optional<Vote> vote(long ideaId, long visitorId) {
		return jdbc
			.sql("select visitor_id, importance, feedback_id from portal_votes where idea_id = ? and visitor_id = ?")
			.params(ideaId, visitorId)
			.query(IdeaRepository::vote)
			.optional();
	}

	/** Every vote on the idea. */
	List<Vote> votes(long ideaId) {
		return jdbc
			.sql("select visitor_id, importance, feedback_id from portal_votes where idea_id = ? order by visitor_id")
			.param(ideaId)
			.query(IdeaRepository::vote)
			.list();
	}

	/** The votes of other visitors than the poster, with their own feedback. */
	List<Vote> otherVotes(long ideaId, long ideaFeedbackId) {
		return jdbc.sql("""
				select visitor_id, importance, feedback_id from portal_votes
				where idea_id = ? and feedback_id is not null and feedback_id <> ?""")
			.params(ideaId, ideaFeedbackId)
			.query(IdeaRepository::vote)
			.list();
	}

	void insertVote(long ideaId, long visitorId, Importance importance, Long feedbackId, Instant now) {
		jdbc.sql("""
				insert into portal_votes (idea_id, visitor_id, importance, feedback_id, created_at)
				values (?, ?, ?, ?, ?)""")
			.params(ideaId, visitorId, importance == null ? null : importance.name(), feedbackId, utc(now))
			.update();
		jdbc.sql("update portal_ideas set vote_count = vote_count + 1 where id = ?").param(ideaId).update();
	}

	void updateVote(long ideaId, long visitorId, Importance importance) {
		jdbc.sql("update portal_votes set importance = ? where idea_id = ? and visitor_id = ?")
			.params(importance == null ? null : importance.name(), ideaId, visitorId)
			.update();
	}

	void deleteVote(long ideaId, long visitorId) {
		if (jdbc.sql("delete from portal_votes where idea_id = ? and visitor_id = ?")
			.params(ideaId, visitorId)
			.update() > 0) {
			jdbc.sql("update portal_ideas set vote_count = vote_count - 1 where id = ?").param(ideaId).update();
		}
	}

	/** The links of a piece of feedback to items, with who made each. */
	List<Link> links(long feedbackId) {
		return jdbc.sql("""
				select p.product_key, it.item_number, l.importance, l.created_by
				from feedback_links l join items it on it.id = l.item_id join products p on p.id = it.product_id
				where l.feedback_id = ? order by it.item_number""")
			.param(feedbackId)
			.query((rs, n) -> new Link(rs.getString(1), rs.getLong(2), Importance.valueOf(rs.getString(3)),
					rs.getLong(4)))
			.list();
	}

	/**
	 * The visible ideas whose status follows their items and whose feedback is linked to
	 * this item.
	 */
	List<Row> followingItem(long itemId) {
		return jdbc
			.sql(ROW + " join feedback_links fl on fl.feedback_id = i.feedback_id"
					+ " where fl.item_id = ? and i.state = 'VISIBLE' and i.status is null and i.merged_into is null")
			.param(itemId)
			.query(IdeaRepository::row)
			.list();
	}

	void setStatus(long id, IdeaStatus status, String reason) {
		jdbc.sql("update portal_ideas set status = ?, declined_reason = ?, version = version + 1 where id = ?")
			.params(status == null ? null : status.name(), reason, id)
			.update();
	}

	void setState(long id, IdeaState state) {
		jdbc.sql("update portal_ideas set state = ?, version = version + 1 where id = ?")
			.params(state.name(), id)
			.update();
	}

	private static String like(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	static Instant utcInstant(ResultSet rs, String column) throws SQLException {
		return rs.getTimestamp(column).toInstant();
	}

	static java.time.OffsetDateTime utc(Instant at) {
		return at.atOffset(ZoneOffset.UTC);
	}

	private static Vote vote(ResultSet rs, int n) throws SQLException {
		String importance = rs.getString(2);
		return new Vote(rs.getLong(1), importance == null ? null : Importance.valueOf(importance),
				(Long) rs.getObject(3, Long.class));
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong("id"), rs.getString("product_key"), rs.getLong("feedback_id"),
				rs.getLong("visitor_id"), rs.getString("title"), rs.getString("body"), rs.getString("category"),
				IdeaState.valueOf(rs.getString("state")), IdeaStatus.valueOf(rs.getString("effective")),
				rs.getString("status") != null, rs.getString("declined_reason"), rs.getInt("vote_count"),
				rs.getInt("comment_count"), utcInstant(rs, "created_at"),
				(Long) rs.getObject("merged_into", Long.class));
	}

}
