package dev.priora.portal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What merging one idea into another changes in storage: a vote, the follows and the
 * comments move over, the merged idea points at the kept one, and the kept idea's counts
 * are counted again.
 */
@Repository
class IdeaMergeRepository {

	private final JdbcClient jdbc;

	IdeaMergeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void moveVote(long fromId, long intoId, long visitorId) {
		jdbc.sql("update portal_votes set idea_id = ? where idea_id = ? and visitor_id = ?")
			.params(intoId, fromId, visitorId)
			.update();
	}

	void dropVote(long ideaId, long visitorId) {
		jdbc.sql("delete from portal_votes where idea_id = ? and visitor_id = ?").params(ideaId, visitorId).update();
	}

	/** The merged idea's followers follow the kept one (once each). */
	void moveFollows(long fromId, long intoId) {
		jdbc.sql("""
				insert into portal_follows (idea_id, visitor_id)
				select ?, f.visitor_id from portal_follows f where f.idea_id = ?
				and not exists (select 1 from portal_follows k where k.idea_id = ? and k.visitor_id = f.visitor_id)""")
			.params(intoId, fromId, intoId)
			.update();
		jdbc.sql("delete from portal_follows where idea_id = ?").param(fromId).update();
	}

	/** The merged idea's comments and the team's replies show on the kept one. */
	void moveComments(long fromId, long intoId) {
		jdbc.sql("update portal_comments set idea_id = ? where idea_id = ?").params(intoId, fromId).update();
		jdbc.sql("update portal_replies set idea_id = ? where idea_id = ?").params(intoId, fromId).update();
	}

	void markMerged(long fromId, long intoId) {
		jdbc.sql("""
				update portal_ideas set merged_into = ?, vote_count = 0, comment_count = 0, version = version + 1
				where id = ?""").params(intoId, fromId).update();
	}

	/** Counts the idea's votes and visible comments again. */
	void recount(long ideaId) {
		jdbc.sql("""
				update portal_ideas set
				  vote_count = (select count(*) from portal_votes v where v.idea_id = ?),
				  comment_count = (select count(*) from portal_comments c where c.idea_id = ? and c.state = 'VISIBLE'),
				  version = version + 1
				where id = ?""").params(ideaId, ideaId, ideaId).update();
	}

}
