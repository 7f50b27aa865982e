package dev.priora.accounts;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One-time links (invitations, password resets); only the SHA-256 of each secret is
 * stored.
 */
@Repository
class AccountLinkRepository {

	record Link(long id, String kind, String email, Long userId, Instant expiresAt, Instant usedAt) {
	}

	private final JdbcClient jdbc;

	AccountLinkRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(String kind, String hash, String email, UserId user, UserId creator, Instant now, Instant expires) {
		jdbc.sql("""
				insert into account_links (kind, token_hash, email, user_id, created_by, created_at, expires_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(kind, hash, email, user == null ? null : user.value(), creator.value(),
					now.atOffset(ZoneOffset.UTC), expires.atOffset(ZoneOffset.UTC))
			.update();
	}

	Optional<Link> find(String kind, String hash) {
		return jdbc
			.sql("""
					select id, kind, email, user_id, expires_at, used_at from account_links where kind = ? and token_hash = ?
					for update""")
			.params(kind, hash)
			.query((rs, n) -> new Link(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getObject(4) == null ? null : rs.getLong(4), rs.getTimestamp(5).toInstant(),
					rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()))
			.optional();
	}

	void markUsed(long id, Instant now) {
		jdbc.sql("update account_links set used_at = ? where id = ?").params(now.atOffset(ZoneOffset.UTC), id).update();
	}

}
