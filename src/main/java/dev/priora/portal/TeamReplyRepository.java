package dev.priora.portal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The team's replies on ideas ({@code portal_replies}), with their authors' current names
 * read from {@code users}.
 */
@Repository
class TeamReplyRepository {

	private static final String ROW = """
			select r.id, r.idea_id, r.author_id, u.display_name, r.body, r.created_at, r.edited_at, r.version
			from portal_replies r join users u on u.id = r.author_id""";

	private final JdbcClient jdbc;

	TeamReplyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long ideaId, long authorId, String body, Instant now) {
		jdbc.sql("insert into portal_replies (idea_id, author_id, body, created_at) values (?, ?, ?, ?)")
			.params(ideaId, authorId, body, now.atOffset(ZoneOffset.UTC))
			.update();
		return jdbc.sql("select max(id) from portal_replies where idea_id = ? and author_id = ?")
			.params(ideaId, authorId)
			.query(Long.class)
			.single();
	}

	/** The reply when it is on this idea. */
	Optional<TeamReply> find(long ideaId, long replyId) {
		return jdbc.sql(ROW + " where r.idea_id = ? and r.id = ?")
			.params(ideaId, replyId)
			.query(TeamReplyRepository::row)
			.optional();
	}

	/** The idea's replies, oldest first. */
	List<TeamReply> ofIdea(long ideaId) {
		return jdbc.sql(ROW + " where r.idea_id = ? order by r.id")
			.param(ideaId)
			.query(TeamReplyRepository::row)
			.list();
	}

	/**
	 * Replaces the text when the reply is still at {@code version}; answers whether it
	 * was.
	 */
	boolean update(long replyId, String body, long version, Instant now) {
		return jdbc.sql("""
				update portal_replies set body = ?, edited_at = ?, version = version + 1
				where id = ? and version = ?""")
			.params(body, now.atOffset(ZoneOffset.UTC), replyId, version)
			.update() == 1;
	}

	void delete(long replyId) {
		jdbc.sql("delete from portal_replies where id = ?").param(replyId).update();
	}

	private static TeamReply row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		java.sql.Timestamp edited = rs.getTimestamp(7);
		return new TeamReply(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
				rs.getTimestamp(6).toInstant(), edited == null ? null : edited.toInstant(), rs.getLong(8));
	}

}
