package dev.priora.portal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Comments on ideas ({@code portal_comments}) and who follows which idea. */
@Repository
class IdeaTalkRepository {

	/** A comment with its author's visitor id. */
	record CommentRow(long id, long visitorId, String body, Instant createdAt, CommentState state) {
	}

	private final JdbcClient jdbc;

	IdeaTalkRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insertComment(long ideaId, long visitorId, String body, Instant now, CommentState state) {
		jdbc.sql("insert into portal_comments (idea_id, visitor_id, body, created_at, state) values (?, ?, ?, ?, ?)")
			.params(ideaId, visitorId, body, now.atOffset(ZoneOffset.UTC), state.name())
			.update();
		if (state == CommentState.VISIBLE) {
			jdbc.sql("update portal_ideas set comment_count = comment_count + 1 where id = ?").param(ideaId).update();
		}
	}

	/**
	 * The idea's comments that {@code visitorId} may read (visible ones and their own
	 * held ones), oldest first, at most 500.
	 */
	List<CommentRow> comments(long ideaId, long visitorId) {
		return jdbc.sql("""
				select id, visitor_id, body, created_at, state from portal_comments
				where idea_id = ? and (state = 'VISIBLE' or (state = 'HELD' and visitor_id = ?)) order by id
				limit 500""")
			.params(ideaId, visitorId)
			.query((rs, n) -> new CommentRow(rs.getLong(1), rs.getLong(2), rs.getString(3),
					rs.getTimestamp(4).toInstant(), CommentState.valueOf(rs.getString(5))))
			.list();
	}

	/** The product's comments in a state (newest first, at most 200), for the team. */
	List<HeldComment> inState(String productKey, CommentState state) {
		return jdbc.sql("""
				select c.id, c.idea_id, i.title, v.email, c.body, c.state, c.created_at
				from portal_comments c join portal_ideas i on i.id = c.idea_id
				join portal_visitors v on v.id = c.visitor_id
				where i.product_key = ? and c.state = ? order by c.id desc limit 200""")
			.params(productKey, state.name())
			.query((rs, n) -> new HeldComment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getString(5), CommentState.valueOf(rs.getString(6)), rs.getTimestamp(7).toInstant()))
			.list();
	}

	/**
	 * The idea's visible and held comments with their authors' addresses, oldest first.
	 */
	List<HeldComment> forTeam(long ideaId) {
		return jdbc.sql("""
				select c.id, c.idea_id, i.title, v.email, c.body, c.state, c.created_at
				from portal_comments c join portal_ideas i on i.id = c.idea_id
				join portal_visitors v on v.id = c.visitor_id
				where c.idea_id = ? and c.state in ('VISIBLE', 'HELD') order by c.id limit 500""")
			.param(ideaId)
			.query((rs, n) -> new HeldComment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getString(5), CommentState.valueOf(rs.getString(6)), rs.getTimestamp(7).toInstant()))
			.list();
	}

	/** Locks a comment of the product's ideas and answers its idea's id. */
	java.util.Optional<Long> lockComment(String productKey, long commentId) {
		return jdbc.sql("""
				select c.idea_id from portal_comments c join portal_ideas i on i.id = c.idea_id
				where i.product_key = ? and c.id = ? for update""")
			.params(productKey, commentId)
			.query(Long.class)
			.optional();
	}

	void setCommentState(long commentId, CommentState state) {
		jdbc.sql("update portal_comments set state = ? where id = ?").params(state.name(), commentId).update();
	}

	/** Recounts the idea's visible comments. */
	void recountComments(long ideaId) {
		jdbc.sql("""
				update portal_ideas set comment_count =
				  (select count(*) from portal_comments c where c.idea_id = ? and c.state = 'VISIBLE')
				where id = ?""").params(ideaId, ideaId).update();
	}

	/** How many comments of each of the product's ideas wait for review. */
	java.util.Map<Long, Integer> heldCounts(String productKey) {
		java.util.Map<Long, Integer> out = new java.util.HashMap<>();
		jdbc.sql("""
				select c.idea_id, count(*) from portal_comments c join portal_ideas i on i.id = c.idea_id
				where i.product_key = ? and c.state = 'HELD' group by c.idea_id""").param(productKey).query(rs -> {
			out.put(rs.getLong(1), rs.getInt(2));
		});
		return out;
	}

	boolean follows(long ideaId, long visitorId) {
		return jdbc.sql("select count(*) from portal_follows where idea_id = ? and visitor_id = ?")
			.params(ideaId, visitorId)
			.query(Integer.class)
			.single() > 0;
	}

	void follow(long ideaId, long visitorId) {
		jdbc.sql("""
				insert into portal_follows (idea_id, visitor_id)
				select ?, ? where not exists (select 1 from portal_follows where idea_id = ? and visitor_id = ?)""")
			.params(ideaId, visitorId, ideaId, visitorId)
			.update();
	}

	void unfollow(long ideaId, long visitorId) {
		jdbc.sql("delete from portal_follows where idea_id = ? and visitor_id = ?").params(ideaId, visitorId).update();
	}

	/** The addresses of the idea's followers. */
	List<String> followerEmails(long ideaId) {
		return jdbc.sql("""
				select v.email from portal_follows f join portal_visitors v on v.id = f.visitor_id
				where f.idea_id = ? order by v.id""").param(ideaId).query(String.class).list();
	}

	/** How many follow the idea. */
	int followers(long ideaId) {
		return jdbc.sql("select count(*) from portal_follows where idea_id = ?")
			.param(ideaId)
			.query(Integer.class)
			.single();
	}

}
