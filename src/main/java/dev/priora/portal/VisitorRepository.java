package dev.priora.portal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Portal visitors ({@code portal_visitors}) and their sign-in links (only hashes kept).
 */
@Repository
class VisitorRepository {

	private final JdbcClient jdbc;

	VisitorRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insertLink(String productKey, String email, String tokenHash, Instant now, Instant expires) {
		jdbc.sql("""
				insert into portal_sign_in_links (product_key, email, token_hash, created_at, expires_at)
				values (?, ?, ?, ?, ?)""")
			.params(productKey, email, tokenHash, now.atOffset(ZoneOffset.UTC), expires.atOffset(ZoneOffset.UTC))
			.update();
	}

	/** The e-mail of a valid, unused link of the product, marking it used (once only). */
	Optional<String> useLink(String productKey, String tokenHash, Instant now) {
		Optional<String> email = jdbc.sql("""
				select email from portal_sign_in_links
				where product_key = ? and token_hash = ? and used_at is null and expires_at > ?""")
			.params(productKey, tokenHash, now.atOffset(ZoneOffset.UTC))
			.query(String.class)
			.optional();
		if (email.isEmpty()) {
			return email;
		}
		int used = jdbc.sql("update portal_sign_in_links set used_at = ? where token_hash = ? and used_at is null")
			.params(now.atOffset(ZoneOffset.UTC), tokenHash)
			.update();
		return used == 1 ? email : Optional.empty();
	}

	/** Whether the product has a valid, unused link with this hash (without using it). */
	boolean linkValid(String productKey, String tokenHash, Instant now) {
		return jdbc.sql("""
				select count(*) from portal_sign_in_links
				where product_key = ? and token_hash = ? and used_at is null and expires_at > ?""")
			.params(productKey, tokenHash, now.atOffset(ZoneOffset.UTC))
			.query(Integer.class)
			.single() > 0;
	}

	void purgeLinks(Instant before) {
		jdbc.sql("delete from portal_sign_in_links where expires_at < ?")
			.param(before.atOffset(ZoneOffset.UTC))
			.update();
	}

	/** The visitor with this address, created or updated with their current customer. */
	PortalVisitor upsert(String productKey, String email, Long customerId, Long contactId, Instant now) {
		int updated = jdbc.sql("""
				update portal_visitors set customer_id = ?, contact_id = ?, last_seen_at = ?
				where product_key = ? and email = ?""")
			.params(customerId, contactId, now.atOffset(ZoneOffset.UTC), productKey, email)
			.update();
		if (updated == 0) {
			jdbc.sql("""
					insert into portal_visitors (product_key, email, customer_id, contact_id, created_at, last_seen_at)
					values (?, ?, ?, ?, ?, ?)""")
				.params(productKey, email, customerId, contactId, now.atOffset(ZoneOffset.UTC),
						now.atOffset(ZoneOffset.UTC))
				.update();
		}
		return jdbc.sql("select id from portal_visitors where product_key = ? and email = ?")
			.params(productKey, email)
			.query((rs, n) -> new PortalVisitor(rs.getLong(1), productKey, email, customerId))
			.single();
	}

}
