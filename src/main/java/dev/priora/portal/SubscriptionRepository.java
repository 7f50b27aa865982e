package dev.priora.portal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Changelog subscriptions ({@code portal_subscriptions}), the releases whose notes were
 * mailed ({@code portal_changelog_mailed}) and the visitors' choice about idea mails.
 */
@Repository
class SubscriptionRepository {

	private final JdbcClient jdbc;

	SubscriptionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void subscribe(String productKey, String email, Instant now) {
		jdbc.sql(
				"""
						insert into portal_subscriptions (product_key, email, created_at)
						select ?, ?, ? where not exists (select 1 from portal_subscriptions where product_key = ? and email = ?)""")
			.params(productKey, email, now.atOffset(ZoneOffset.UTC), productKey, email)
			.update();
	}

	boolean unsubscribe(String productKey, String email) {
		return jdbc.sql("delete from portal_subscriptions where product_key = ? and email = ?")
			.params(productKey, email)
			.update() > 0;
	}

	boolean subscribed(String productKey, String email) {
		return jdbc.sql("select count(*) from portal_subscriptions where product_key = ? and email = ?")
			.params(productKey, email)
			.query(Integer.class)
			.single() > 0;
	}

	List<String> subscribers(String productKey) {
		return jdbc.sql("select email from portal_subscriptions where product_key = ? order by id")
			.param(productKey)
			.query(String.class)
			.list();
	}

	/** Remembers that the release's notes were mailed; false when they were already. */
	boolean markMailed(long releaseId, Instant now) {
		return jdbc.sql("""
				insert into portal_changelog_mailed (release_id, mailed_at)
				select ?, ? where not exists (select 1 from portal_changelog_mailed where release_id = ?)""")
			.params(releaseId, now.atOffset(ZoneOffset.UTC), releaseId)
			.update() > 0;
	}

	/** Stops the visitor's follow of one idea (by address). */
	boolean unfollow(String productKey, String email, long ideaId) {
		return jdbc.sql("""
				delete from portal_follows where idea_id = ? and visitor_id in
				  (select v.id from portal_visitors v join portal_ideas i on i.product_key = v.product_key
				   where v.product_key = ? and v.email = ? and i.id = ?)""")
			.params(ideaId, productKey, email, ideaId)
			.update() > 0;
	}

}
