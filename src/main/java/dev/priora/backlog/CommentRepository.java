package dev.priora.backlog;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Comments on items ({@code item_comments}). */
@Repository
class CommentRepository {

	/** A stored comment: its author is a user, or (imported) only a name. */
	record Row(long id, String body, Long authorId, String authorName, String source, Instant at) {
	}

	private final JdbcClient jdbc;

	CommentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The item's comments, oldest first. */
	List<Row> comments(long itemId) {
		return jdbc.sql("""
				select id, body, author_id, author_name, source, created_at from item_comments
				where item_id = ? order by created_at, id""")
			.param(itemId)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3, Long.class),
					rs.getString(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant()))
			.list();
	}

	/** Stores a comment and answers its id. */
	long insert(long itemId, String body, Long author, String authorName, String source, Instant at) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into item_comments (item_id, body, author_id, author_name, source, created_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(itemId, body, author, authorName, source, Rows.utc(at))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

}
