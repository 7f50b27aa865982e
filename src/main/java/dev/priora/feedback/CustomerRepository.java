package dev.priora.feedback;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class CustomerRepository {

	private static final String COLUMNS = "id, name, segment, revenue_amount, revenue_currency, tier, weight, version";

	private final JdbcClient jdbc;

	CustomerRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts the customer unless the product has one of that name (its {@code nameKey})
	 * already; answers the new id, or empty. When another transaction is inserting the
	 * same name, this waits for it to end, so parallel callers converge on one row.
	 */
	Optional<Long> insert(String productKey, CustomerDraft d, String nameKey, long user, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		int inserted = jdbc.sql("""
				insert into customers (product_key, name, name_key, segment, revenue_amount, revenue_currency, tier,
				  weight, created_at, created_by, updated_at, updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict do nothing""")
			.params(productKey, d.name(), nameKey, d.segment(), d.revenue(), d.currency(), d.tier(), d.weight(),
					now.atOffset(ZoneOffset.UTC), user, now.atOffset(ZoneOffset.UTC), user)
			.update(keys, "id");
		if (inserted == 0) {
			return Optional.empty();
		}
		long id = keys.getKey().longValue();
		replaceContacts(id, d.contacts());
		return Optional.of(id);
	}

	/** The product's customer with that normalised name. */
	Optional<Long> idByName(String productKey, String nameKey) {
		return jdbc.sql("select id from customers where product_key = ? and name_key = ?")
			.params(productKey, nameKey)
			.query(Long.class)
			.optional();
	}

	boolean update(long id, CustomerDraft d, String nameKey, long expectedVersion, long user, Instant now) {
		boolean updated = jdbc.sql("""
				update customers set name = ?, name_key = ?, segment = ?, revenue_amount = ?, revenue_currency = ?,
				  tier = ?, weight = ?, updated_at = ?, updated_by = ?, version = version + 1
				where id = ? and version = ?""")
			.params(d.name(), nameKey, d.segment(), d.revenue(), d.currency(), d.tier(), d.weight(),
					now.atOffset(ZoneOffset.UTC), user, id, expectedVersion)
			.update() == 1;
		if (updated) {
			replaceContacts(id, d.contacts());
		}
		return updated;
	}

	private void replaceContacts(long customerId, List<CustomerDraft.ContactDraft> contacts) {
		jdbc.sql("delete from contacts where customer_id = ? and id not in (select contact_id from feedback"
				+ " where contact_id is not null)")
			.param(customerId)
			.update();
		List<CustomerView.Contact> kept = contacts(List.of(customerId)).getOrDefault(customerId, List.of());
		for (CustomerDraft.ContactDraft c : contacts) {
			boolean exists = kept.stream().anyMatch(k -> k.name().equals(c.name()) && k.email().equals(c.email()));
			if (!exists) {
				jdbc.sql("insert into contacts (customer_id, name, email) values (?, ?, ?)")
					.params(customerId, c.name(), c.email() == null ? "" : c.email())
					.update();
			}
		}
	}

	Optional<CustomerView> find(String productKey, long id) {
		return jdbc.sql("select " + COLUMNS + " from customers where product_key = ? and id = ?")
			.params(productKey, id)
			.query(CustomerRepository::row)
			.optional()
			.map(c -> withContacts(List.of(c)).get(0));
	}

	List<CustomerView> all(String productKey) {
		return withContacts(
				jdbc.sql("select " + COLUMNS + " from customers where product_key = ? order by lower(name), id")
					.param(productKey)
					.query(CustomerRepository::row)
					.list());
	}

	/** A contact and its customer. */
	record ContactRef(long contactId, long customerId) {
	}

	/** The product's first contact with exactly this e-mail address (in lower case). */
	Optional<ContactRef> contactByEmail(String productKey, String email) {
		return jdbc.sql("""
				select k.id, k.customer_id from contacts k join customers c on c.id = k.customer_id
				where c.product_key = ? and lower(k.email) = ? order by k.id""")
			.params(productKey, email)
			.query((rs, n) -> new ContactRef(rs.getLong(1), rs.getLong(2)))
			.list()
			.stream()
			.findFirst();
	}

	/** The product's customers with a contact at the e-mail domain (in lower case). */
	List<Long> customersWithContactsAt(String productKey, String domain) {
		return jdbc.sql("""
				select distinct c.id from contacts k join customers c on c.id = k.customer_id
				where c.product_key = ? and lower(k.email) like ? escape '\\'""")
			.params(productKey, "%@" + domain.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"))
			.query(Long.class)
			.list();
	}

	/** Adds a contact to the customer (a change of the customer: its version goes up). */
	long addContact(long customerId, String name, String email) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into contacts (customer_id, name, email) values (?, ?, ?)")
			.params(customerId, name, email)
			.update(keys, "id");
		jdbc.sql("update customers set version = version + 1 where id = ?").param(customerId).update();
		return keys.getKey().longValue();
	}

	boolean hasFeedback(long id) {
		return jdbc.sql("select count(*) from feedback where customer_id = ?").param(id).query(Long.class).single() > 0;
	}

	void delete(long id) {
		jdbc.sql("delete from customers where id = ?").param(id).update();
	}

	private List<CustomerView> withContacts(List<CustomerView> customers) {
		Map<Long, List<CustomerView.Contact>> contacts = contacts(customers.stream().map(CustomerView::id).toList());
		return customers.stream()
			.map(c -> new CustomerView(c.id(), c.name(), c.segment(), c.revenue(), c.currency(), c.tier(), c.weight(),
					contacts.getOrDefault(c.id(), List.of()), c.version()))
			.toList();
	}

	private Map<Long, List<CustomerView.Contact>> contacts(List<Long> customerIds) {
		Map<Long, List<CustomerView.Contact>> map = new HashMap<>();
		if (!customerIds.isEmpty()) {
			jdbc.sql("select customer_id, id, name, email from contacts where customer_id in (:ids) order by id")
				.param("ids", customerIds)
				.query((rs, n) -> map.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(new CustomerView.Contact(rs.getLong(2), rs.getString(3), rs.getString(4))))
				.list();
		}
		return map;
	}

	private static CustomerView row(ResultSet rs, int n) throws SQLException {
		return new CustomerView(rs.getLong("id"), rs.getString("name"), rs.getString("segment"),
				rs.getBigDecimal("revenue_amount"), rs.getString("revenue_currency"), rs.getString("tier"),
				rs.getBigDecimal("weight"), List.of(), rs.getLong("version"));
	}

}
