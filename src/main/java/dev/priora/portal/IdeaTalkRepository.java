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
	record CommentRow(long id, long visitorId, String body, Instant createdAt) {
	}

	private final JdbcClient jdbc;

	IdeaTalkRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insertComment(long ideaId, long visitorId, String body, Instant now) {
		jdbc.sql("insert into portal_comments (idea_id, visitor_id, body, created_at) values (?, ?, ?, ?)")
			.params(ideaId, visitorId, body, now.atOffset(ZoneOffset.UTC))
			.update();
		jdbc.sql("update portal_ideas set comment_count = comment_count + 1 where id = ?").param(ideaId).update();
	}

	/** The idea's comments, oldest first, at most 500. */
	List<CommentRow> comments(long ideaId) {
		return jdbc.sql("""
				select id, visitor_id, body, created_at from portal_comments where idea_id = ? order by id
				limit 500""")
			.param(ideaId)
			.query((rs, n) -> new CommentRow(rs.getLong(1), rs.getLong(2), rs.getString(3),
					rs.getTimestamp(4).toInstant()))
			.list();
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
