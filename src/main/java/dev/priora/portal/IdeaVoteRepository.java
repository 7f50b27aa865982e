package dev.priora.portal;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.priora.feedback.Importance;

/**
 * A new voter's vote in few round trips ({@code portal_ideas}, {@code portal_votes}): the
 * idea and whether the visitor voted, read together; the idea's row locked by the update
 * that counts the vote (a no-key update lock on PostgreSQL, which leaves inserts that
 * refer to the idea free); the vote inserted.
 */
@Repository
class IdeaVoteRepository {

	/** What a vote needs of an idea, and whether this visitor has voted on it. */
	record Voting(long id, long feedbackId, long visitorId, String title, IdeaState state, Long mergedInto,
			boolean voted) {
	}

	private final JdbcClient jdbc;

	IdeaVoteRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The idea of the product and this visitor's vote on it, without locking. */
	Optional<Voting> voting(String productKey, long id, long visitorId) {
		return jdbc.sql("""
				select i.id, i.feedback_id, i.visitor_id, i.title, i.state, i.merged_into, v.visitor_id as voter
				from portal_ideas i left join portal_votes v on v.idea_id = i.id and v.visitor_id = ?
				where i.product_key = ? and i.id = ?""")
			.params(visitorId, productKey, id)
			.query((rs, n) -> new Voting(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
					IdeaState.valueOf(rs.getString(5)), (Long) rs.getObject(6, Long.class), rs.getObject(7) != null))
			.optional();
	}

	/**
	 * Counts one more vote on the idea when it is still visible (not merged, held or
	 * spam), locking its row to the end of the transaction; answers whether it did.
	 */
	boolean countVote(String productKey, long id) {
		return jdbc.sql("""
				update portal_ideas set vote_count = vote_count + 1
				where product_key = ? and id = ? and state = 'VISIBLE' and merged_into is null""")
			.params(productKey, id)
			.update() == 1;
	}

	/**
	 * Inserts the vote (its count is {@link #countVote}'s); a vote the visitor already
	 * has breaks the primary key.
	 */
	void insert(long ideaId, long visitorId, Importance importance, long feedbackId, Instant now) {
		jdbc.sql("""
				insert into portal_votes (idea_id, visitor_id, importance, feedback_id, created_at)
				values (?, ?, ?, ?, ?)""")
			.params(ideaId, visitorId, importance == null ? null : importance.name(), feedbackId,
					IdeaRepository.utc(now))
			.update();
	}

}
