package dev.priora.feedback;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The per-item demand summary ({@code item_demand}) and the items whose demand a change
 * of feedback or customers touches.
 */
@Repository
class DemandRepository {

	private final JdbcClient jdbc;

	DemandRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void delete(long itemId) {
		jdbc.sql("delete from item_demand where item_id = ?").param(itemId).update();
	}

	void insert(long itemId, int customers, int importance, BigDecimal revenue, String currency, int feedback,
			Instant at) {
		jdbc.sql("""
				insert into item_demand (item_id, customers, importance, revenue, currency, feedback, updated_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(itemId, customers, importance, revenue, currency, feedback, at.atOffset(ZoneOffset.UTC))
			.update();
	}

	/** Items linked to any of the feedback (not empty). */
	List<Long> itemsOfFeedback(Collection<Long> feedbackIds) {
		return jdbc.sql("select distinct item_id from feedback_links where feedback_id in (:ids)")
			.param("ids", feedbackIds)
			.query(Long.class)
			.list();
	}

	/** Items linked to feedback of the customer. */
	List<Long> itemsOfCustomer(long customerId) {
		return jdbc.sql("""
				select distinct l.item_id from feedback_links l join feedback f on f.id = l.feedback_id
				where f.customer_id = ?""").param(customerId).query(Long.class).list();
	}

}
