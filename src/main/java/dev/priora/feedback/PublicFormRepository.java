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

	void insert(String productKey, String name, String tokenHash, Instant at, long user) {
		jdbc.sql(
				"insert into public_forms (product_key, name, token_hash, created_at, created_by) values (?, ?, ?, ?, ?)")
			.params(productKey, name, tokenHash, at.atOffset(ZoneOffset.UTC), user)
			.update();
	}

	/**
	 * The product's forms, newest first, with who made each and how much feedback came
	 * through it (merged duplicates included: they were sent).
	 */
	List<PublicForms.Form> forms(String productKey) {
		return jdbc.sql("""
				select p.id, p.name, p.created_at, u.display_name, p.revoked_at,
				  (select count(*) from feedback f where f.public_form_id = p.id),
				  (select max(f.received_at) from feedback f where f.public_form_id = p.id)
				from public_forms p join users u on u.id = p.created_by
				where p.product_key = ? order by p.id desc""")
			.param(productKey)
			.query((rs, n) -> new PublicForms.Form(rs.getLong(1), rs.getString(2), instant(rs.getTimestamp(3)),
					rs.getString(4), instant(rs.getTimestamp(5)), rs.getLong(6), instant(rs.getTimestamp(7))))
			.list();
	}

	private static Instant instant(java.sql.Timestamp t) {
		return t == null ? null : t.toInstant();
	}

	/** Revokes the product's active form; false when there is no such form. */
	boolean revoke(String productKey, long id, Instant at) {
		return jdbc
			.sql("update public_forms set revoked_at = ? where product_key = ? and id = ? and revoked_at is null")
			.params(at.atOffset(ZoneOffset.UTC), productKey, id)
			.update() > 0;
	}

	/** The active form with this secret's hash. */
	Optional<PublicForms.Open> open(String tokenHash) {
		return jdbc.sql("select id, product_key from public_forms where token_hash = ? and revoked_at is null")
			.param(tokenHash)
			.query((rs, n) -> new PublicForms.Open(rs.getLong(1), rs.getString(2)))
			.optional();
	}

	/**
	 * Records who submitted the feedback, from which address and through which form
	 * (null: the customer portal's feedback page).
	 */
	void submitter(long feedbackId, String name, String email, String clientIp, Long formId) {
		jdbc.sql(
				"update feedback set submitter_name = ?, submitter_email = ?, client_ip = ?, public_form_id = ? where id = ?")
			.params(name, email, clientIp, formId, feedbackId)
			.update();
	}

}
