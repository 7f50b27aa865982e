package dev.priora.feedback;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The portal's statements on {@code feedback} and {@code contacts}, each one round trip:
 * who a verified address is (its contact, else the one customer with contacts at its
 * company domain) and a vote's feedback written whole (triaged, with its sender, and the
 * vector and kind of the idea's feedback) by one insert.
 */
@Repository
class PortalFeedbackRepository {

	private final JdbcClient jdbc;

	PortalFeedbackRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The contact with this address (in lower case; the first by id), else the one
	 * customer of the product with contacts at its domain (none for free-mail domains).
	 */
	PortalIntake.Match match(String productKey, String address) {
		String domain = address.substring(address.indexOf('@') + 1);
		boolean byDomain = !SenderDomains.FREE_MAIL.contains(domain);
		String sql = """
				select 1, k.id, k.customer_id from contacts k join customers c on c.id = k.customer_id
				where c.product_key = :key and lower(k.email) = :address""" + (byDomain ? """

				union all
				select distinct 0, cast(null as bigint), c.id from contacts k join customers c on c.id = k.customer_id
				where c.product_key = :key and lower(k.email) like :domain escape '\\'""" : "") + " order by 1 desc, 2";
		List<long[]> rows = new ArrayList<>();
		var query = jdbc.sql(sql).param("key", productKey).param("address", address);
		if (byDomain) {
			query = query.param("domain", "%@" + domain.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
		}
		query.query(rs -> {
			rows.add(new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) });
		});
		if (!rows.isEmpty() && rows.get(0)[0] == 1) {
			return new PortalIntake.Match(rows.get(0)[2], rows.get(0)[1]);
		}
		return new PortalIntake.Match(rows.size() == 1 ? rows.get(0)[2] : null, null);
	}

	/**
	 * Inserts a vote's PORTAL feedback as triaged, with its sender (and the customer
	 * suggested for them), and the sentence vector, kind and sentiment of the feedback of
	 * the idea it votes on ({@code voteOf}), in one statement; answers its id.
	 */
	long insertVote(String productKey, long voteOf, FeedbackDraft d, PortalIntake.Match match, String email,
			Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		var at = now.atOffset(ZoneOffset.UTC);
		jdbc.sql(
				"""
						insert into feedback (product_key, title, body, customer_id, contact_id, channel, received_at, status,
						  embedding, embedding_model, submitter_email, suggested_customer_id, kind, kind_confidence, kind_source,
						  sentiment, vote_of, created_at, updated_at)
						select ?, ?, ?, cast(? as bigint), cast(? as bigint), ?, ?, ?, i.embedding, i.embedding_model, ?,
						  cast(? as bigint), i.kind, i.kind_confidence, 'predicted', i.sentiment, i.id, ?, ?
						from feedback i where i.id = ? and i.product_key = ?""")
			.params(productKey, d.title(), d.text(), match.customerId(), match.contactId(), Channel.PORTAL.name(), at,
					FeedbackStatus.TRIAGED.name(), email, match.contactId() == null ? match.customerId() : null, at, at,
					voteOf, productKey)
			.update(keys, "id");
		if (keys.getKey() == null) {
			throw new IllegalStateException("the idea's feedback " + voteOf + " is not in product " + productKey);
		}
		return keys.getKey().longValue();
	}

}
