package dev.priora.followups;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who asked for what shipped: feedback, its links, customers and contacts, items, planned
 * items and published release notes, read-only (tables of modules this one builds on), so
 * that drafting is a few statements whatever the number of askers.
 */
@Repository
class AskerRepository {

	/** One link of feedback to an item, with who gave the feedback. */
	record Ask(long feedbackId, long itemId, String words, Long customerId, String customerName, Long contactId,
			String contactName, String contactEmail, String submitterName, String submitterEmail) {
	}

	/** A contact of a customer, in the order they were added. */
	record Contact(long id, long customerId, String name, String email) {
	}

	/** An item as drafting needs it. */
	record Item(long id, String key, String title) {
	}

	/** A release: id and name. */
	record Release(long id, String name) {
	}

	private final JdbcClient jdbc;

	AskerRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The feedback linked to these items (merged feedback left out), oldest first. */
	List<Ask> asks(Collection<Long> itemIds) {
		if (itemIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select f.id, l.item_id, case when l.quote <> '' then l.quote else f.body end as words, f.customer_id,
				  cu.name as customer_name, f.contact_id, ct.name as contact_name, ct.email as contact_email,
				  f.submitter_name, f.submitter_email
				from feedback_links l join feedback f on f.id = l.feedback_id
				left join customers cu on cu.id = f.customer_id left join contacts ct on ct.id = f.contact_id
				where l.item_id in (:ids) and f.merged_into is null order by f.received_at, f.id""")
			.param("ids", itemIds)
			.query((rs, n) -> new Ask(rs.getLong(1), rs.getLong(2), rs.getString(3), nullableLong(rs, 4),
					rs.getString(5), nullableLong(rs, 6), rs.getString(7), rs.getString(8), rs.getString(9),
					rs.getString(10)))
			.list();
	}

	/** The contacts of these customers, in the order they were added. */
	List<Contact> contacts(Collection<Long> customerIds) {
		if (customerIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select id, customer_id, name, email from contacts where customer_id in (:ids) order by id")
			.param("ids", customerIds)
			.query((rs, n) -> new Contact(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	/** The done items planned in a release, in backlog order. */
	List<Item> doneItems(long releaseId) {
		return jdbc
			.sql("""
					select i.id, p.product_key, i.item_number, i.title from planned_items pi join items i on i.id = pi.item_id
					join products p on p.id = i.product_id where pi.release_id = ? and i.status = 'DONE' order by i.rank_key""")
			.param(releaseId)
			.query((rs, n) -> new Item(rs.getLong(1), rs.getString(2) + "-" + rs.getLong(3), rs.getString(4)))
			.list();
	}

	/** The release an item is planned in, if any. */
	Optional<Release> releaseOf(long itemId) {
		return jdbc.sql(
				"select r.id, r.name from planned_items pi join releases r on r.id = pi.release_id where pi.item_id = ?")
			.param(itemId)
			.query((rs, n) -> new Release(rs.getLong(1), rs.getString(2)))
			.optional();
	}

	/** The published release notes (Markdown) of these releases, by release id. */
	Map<Long, String> releaseNotes(Collection<Long> releaseIds) {
		Map<Long, String> result = new HashMap<>();
		if (!releaseIds.isEmpty()) {
			jdbc.sql("select release_id, markdown from release_notes where release_id in (:ids)")
				.param("ids", releaseIds)
				.query(rs -> {
					result.put(rs.getLong(1), rs.getString(2));
				});
		}
		return result;
	}

	private static Long nullableLong(ResultSet rs, int column) throws SQLException {
		return rs.getObject(column, Long.class);
	}

}
