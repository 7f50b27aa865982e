package dev.priora.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import dev.priora.support.TestDatabase;

/**
 * The migration that makes customer names unique per product merges the customers stored
 * more than once (as parallel imports left them) into the oldest row, and demand counts
 * them once again.
 */
class CustomerMergeMigrationIntegrationTest {

	private static final String NOW = "timestamp '2024-03-01 10:00:00'";

	@Test
	void mergesCustomersStoredMoreThanOnceIntoTheOldestRow() throws SQLException {
		String[] db = TestDatabase.freshDatabase();
		migrate(db, "21");
		try (Connection c = DriverManager.getConnection(db[0], db[1], db[2]); Statement s = c.createStatement()) {
			s.execute("insert into users (id, email, display_name, password_hash, created_at) values"
					+ " (1, 'a@merge.test', 'A', 'x', " + NOW + ")");
			for (String[] p : new String[][] { { "1", "MRG" }, { "2", "OTH" } }) {
				s.execute("insert into products (id, product_key, name, estimate_scale, created_at, created_by,"
						+ " updated_at, updated_by) values (" + p[0] + ", '" + p[1] + "', 'P', '1,2,3', " + NOW
						+ ", 1, " + NOW + ", 1)");
			}
			for (int i = 1; i <= 2; i++) {
				s.execute("insert into items (id, product_id, item_number, item_type, title, status, rank_key,"
						+ " created_at, created_by, updated_at, updated_by) values (" + i + ", 1, " + i
						+ ", 'STORY', 'I', 'NEW', '" + i + "', " + NOW + ", 1, " + NOW + ", 1)");
			}
			customer(s, 1, "MRG", "Acme", "''", "null", "null");
			customer(s, 2, "MRG", " acme", "'Enterprise'", "1000", "'EUR'");
			customer(s, 3, "MRG", "ACME", "'SMB'", "null", "null");
			customer(s, 4, "MRG", "Beta", "''", "null", "null");
			customer(s, 5, "OTH", "Acme", "''", "null", "null");
			s.execute("insert into contacts (id, customer_id, name, email) values (1, 1, 'Ann', 'ann@acme.example'),"
					+ " (2, 2, 'Ann', 'Ann@acme.example'), (3, 3, 'Bob', 'bob@acme.example')");
			feedback(s, 1, 1, "1");
			feedback(s, 2, 2, "2");
			feedback(s, 3, 3, "3");
			feedback(s, 4, 4, "null");
			link(s, 1, 1, "IMPORTANT");
			link(s, 2, 1, "CRITICAL");
			link(s, 3, 2, "NICE_TO_HAVE");
			link(s, 4, 1, "NICE_TO_HAVE");
			// what demand said with the duplicates: three customers asking for item 1;
			// item 2 has
			// no revenue until the merged customer takes its duplicate's
			s.execute(
					"insert into item_demand (item_id, customers, importance, revenue, currency, feedback, updated_at)"
							+ " values (1, 3, 6, 1000, 'EUR', 3, " + NOW + "), (2, 1, 1, null, null, 1, " + NOW + ")");
		}
		migrate(db, null);
		try (Connection c = DriverManager.getConnection(db[0], db[1], db[2]); Statement s = c.createStatement()) {
			assertThat(rows(s,
					"select id, name, segment, revenue_amount, revenue_currency from customers"
							+ " where product_key = 'MRG' order by id"))
				.containsExactly("1|Acme|Enterprise|1000.00|EUR", "4|Beta||null|null");
			assertThat(rows(s, "select id from customers where product_key = 'OTH'")).containsExactly("5");
			assertThat(rows(s, "select id, customer_id, name from contacts order by id")).containsExactly("1|1|Ann",
					"3|1|Bob");
			assertThat(rows(s, "select id, customer_id, contact_id from feedback order by id")).containsExactly("1|1|1",
					"2|1|1", "3|1|3", "4|4|null");
			assertThat(rows(s, "select item_id, customers, importance, revenue, currency, feedback from item_demand"
					+ " order by item_id"))
				.containsExactly("1|2|4|1000.00|EUR|3", "2|1|1|1000.00|EUR|1");
			assertThatThrownBy(() -> customer(s, 6, "MRG", "acme", "''", "null", "null"))
				.isInstanceOf(SQLException.class);
			customer(s, 7, "OTH", "Beta", "''", "null", "null");
		}
	}

	private static void migrate(String[] db, String target) {
		var config = Flyway.configure().dataSource(db[0], db[1], db[2]).locations("classpath:db/migration");
		(target == null ? config : config.target(target)).load().migrate();
	}

	private static void customer(Statement s, long id, String product, String name, String segment, String revenue,
			String currency) throws SQLException {
		boolean hasKey = columnExists(s);
		s.execute("insert into customers (id, product_key, name, segment, revenue_amount, revenue_currency,"
				+ " created_at, created_by, updated_at, updated_by" + (hasKey ? ", name_key" : "") + ") values (" + id
				+ ", '" + product + "', '" + name + "', " + segment + ", " + revenue + ", " + currency + ", " + NOW
				+ ", 1, " + NOW + ", 1" + (hasKey ? ", '" + name.strip().toLowerCase() + "'" : "") + ")");
	}

	private static boolean columnExists(Statement s) throws SQLException {
		try (var rs = s.executeQuery("select count(*) from information_schema.columns"
				+ " where lower(table_name) = 'customers' and lower(column_name) = 'name_key'")) {
			rs.next();
			return rs.getInt(1) > 0;
		}
	}

	private static void feedback(Statement s, long id, long customer, String contact) throws SQLException {
		s.execute("insert into feedback (id, product_key, body, customer_id, contact_id, channel, received_at, status,"
				+ " created_at, updated_at) values (" + id + ", 'MRG', 'text', " + customer + ", " + contact
				+ ", 'API', " + NOW + ", 'LINKED', " + NOW + ", " + NOW + ")");
	}

	private static void link(Statement s, long feedback, long item, String importance) throws SQLException {
		s.execute("insert into feedback_links (feedback_id, item_id, importance, created_at, created_by) values ("
				+ feedback + ", " + item + ", '" + importance + "', " + NOW + ", 1)");
	}

	private static List<String> rows(Statement s, String sql) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (var rs = s.executeQuery(sql)) {
			int n = rs.getMetaData().getColumnCount();
			while (rs.next()) {
				List<String> values = new ArrayList<>();
				for (int i = 1; i <= n; i++) {
					values.add(String.valueOf(rs.getObject(i)));
				}
				rows.add(String.join("|", values));
			}
		}
		return rows;
	}

}
