package dev.priora.portal;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who is behind a product's ideas, for the team: each vote's feedback with its customer's
 * segment and revenue (reads {@code feedback} and {@code customers}, read-only).
 */
@Repository
class IdeaDemandRepository {

	/** One vote's customer (null when the voter matched no customer). */
	record VoterRow(long ideaId, Long customerId, String segment, BigDecimal revenue, String currency) {
	}

	private final JdbcClient jdbc;

	IdeaDemandRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<VoterRow> voters(String productKey) {
		return jdbc.sql("""
				select v.idea_id, f.customer_id, c.segment, c.revenue_amount, c.revenue_currency
				from portal_votes v join portal_ideas i on i.id = v.idea_id
				join feedback f on f.id = v.feedback_id left join customers c on c.id = f.customer_id
				where i.product_key = ?""")
			.param(productKey)
			.query((rs, n) -> new VoterRow(rs.getLong(1), (Long) rs.getObject(2, Long.class), rs.getString(3),
					rs.getBigDecimal(4), rs.getString(5)))
			.list();
	}

}
