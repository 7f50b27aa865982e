package dev.priora.portal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The single sign-on providers a portal offers ({@code portal_sign_in_providers}, one row
 * per product once an owner saved them; registration ids one per line).
 */
@Repository
class PortalSsoRepository {

	/** The stored row: the offered registration ids and the row's version. */
	record Row(List<String> registrationIds, long version) {
	}

	private final JdbcClient jdbc;

	PortalSsoRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The row, or none offered at version 0 when the product has no row yet. */
	Row find(String productKey) {
		return jdbc.sql("select registration_ids, version from portal_sign_in_providers where product_key = ?")
			.param(productKey)
			.query((rs, n) -> new Row(list(rs.getString(1)), rs.getLong(2)))
			.optional()
			.orElse(new Row(List.of(), 0));
	}

	/** Locks the product's row, creating it first when there is none. */
	Row lock(String productKey, Instant now) {
		jdbc.sql("""
				insert into portal_sign_in_providers (product_key, updated_at)
				select ?, ? where not exists (select 1 from portal_sign_in_providers where product_key = ?)""")
			.params(productKey, now.atOffset(ZoneOffset.UTC), productKey)
			.update();
		return jdbc
			.sql("select registration_ids, version from portal_sign_in_providers where product_key = ? for update")
			.param(productKey)
			.query((rs, n) -> new Row(list(rs.getString(1)), rs.getLong(2)))
			.single();
	}

	void update(String productKey, List<String> registrationIds, Instant now) {
		jdbc.sql("""
				update portal_sign_in_providers set registration_ids = ?, updated_at = ?, version = version + 1
				where product_key = ?""")
			.params(String.join("\n", registrationIds), now.atOffset(ZoneOffset.UTC), productKey)
			.update();
	}

	private static List<String> list(String value) {
		return value == null || value.isBlank() ? List.of() : Arrays.asList(value.split("\n"));
	}

}
