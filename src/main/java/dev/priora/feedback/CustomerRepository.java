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

	long insert(String productKey, CustomerDraft d, long user, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into customers (product_key, name, segment, revenue_amount, revenue_currency, tier, weight,
				  created_at, created_by, updated_at, updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(productKey, d.name(), d.segment(), d.revenue(), d.currency(), d.tier(), d.weight(),
					now.atOffset(ZoneOffset.UTC), user, now.atOffset(ZoneOffset.UTC), user)
			.update(keys, "id");
		long id = keys.getKey().longValue();
		replaceContacts(id, d.contacts());
		return id;
	}

	boolean update(long id, CustomerDraft d, long expectedVersion, long user, Instant now) {
		boolean updated = jdbc.sql("""
				update customers set name = ?, segment = ?, revenue_amount = ?, revenue_currency = ?, tier = ?,
				  weight = ?, updated_at = ?, updated_by = ?, version = version + 1 where id = ? and version = ?""")
			.params(d.name(), d.segment(), d.revenue(), d.currency(), d.tier(), d.weight(),
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
