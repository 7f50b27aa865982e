package dev.priora.feedback;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Public feedback forms ({@code public_forms}; only the SHA-256 of each secret is stored)
 * and who submitted feedback through one.
 */
@Repository
class PublicFormRepository {

	private final JdbcClient jdbc;

	PublicFormRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(String productKey, String tokenHash, Instant at, long user) {
		jdbc.sql("insert into public_forms (product_key, token_hash, created_at, created_by) values (?, ?, ?, ?)")
			.params(productKey, tokenHash, at.atOffset(ZoneOffset.UTC), user)
			.update();
	}

	/** The product's forms, newest first. */
	List<PublicForms.Form> forms(String productKey) {
		return jdbc.sql("select id, created_at, revoked_at from public_forms where product_key = ? order by id desc")
			.param(productKey)
			.query((rs, n) -> new PublicForms.Form(rs.getLong(1), rs.getTimestamp(2).toInstant(),
					rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
			.list();
	}

	/** Revokes the product's active form; false when there is no such form. */
	boolean revoke(String productKey, long id, Instant at) {
		return jdbc
			.sql("update public_forms set revoked_at = ? where product_key = ? and id = ? and revoked_at is null")
			.params(at.atOffset(ZoneOffset.UTC), productKey, id)
			.update() > 0;
	}

	/** The product of the active form with this secret's hash. */
	Optional<String> productOf(String tokenHash) {
		return jdbc.sql("select product_key from public_forms where token_hash = ? and revoked_at is null")
			.param(tokenHash)
			.query(String.class)
			.optional();
	}

	/** Records who submitted the feedback through a form, and from which address. */
	void submitter(long feedbackId, String name, String email, String clientIp) {
		jdbc.sql("update feedback set submitter_name = ?, submitter_email = ?, client_ip = ? where id = ?")
			.params(name, email, clientIp, feedbackId)
			.update();
	}

}
