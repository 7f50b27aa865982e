package dev.priora.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

	private static final String USER_COLUMNS = "id, email, display_name, password_hash, active, is_admin";

	private static final String TOKEN_COLUMNS = "id, name, token_prefix, created_at, last_used_at, revoked_at, expires_at, scope, product_keys";

	private final JdbcClient jdbc;

	AccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long countUsers() {
		return jdbc.sql("select count(*) from users").query(Long.class).single();
	}

	UserId insertUser(String email, String displayName, String passwordHash, boolean admin, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into users (email, display_name, password_hash, is_admin, created_at) values (?, ?, ?, ?, ?)")
			.params(email, displayName, passwordHash, admin, utc(now))
			.update(keys, "id");
		return new UserId(keys.getKey().longValue());
	}

	Optional<SignedInUser> findByEmail(String email) {
		return jdbc.sql("select " + USER_COLUMNS + " from users where email = ?")
			.param(email)
			.query(AccountRepository::user)
			.optional();
	}

	Optional<SignedInUser> findById(UserId id) {
		return jdbc.sql("select " + USER_COLUMNS + " from users where id = ?")
			.param(id.value())
			.query(AccountRepository::user)
			.optional();
	}

	List<SignedInUser> findAll(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select " + USER_COLUMNS + " from users where id in (:ids)")
			.param("ids", ids)
			.query(AccountRepository::user)
			.list();
	}

	long insertToken(UserId user, String name, String hash, String prefix, TokenScope scope, Instant now,
			Instant expiresAt) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into api_tokens (user_id, name, token_hash, token_prefix, scope, product_keys, created_at,
				  expires_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(user.value(), name, hash, prefix, scope.access(),
					scope.productKeys().isEmpty() ? null
							: String.join(",", new java.util.TreeSet<>(scope.productKeys())),
					utc(now), expiresAt == null ? null : utc(expiresAt))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<SignedInUser> findActiveTokenOwner(String hash, Instant now) {
		return jdbc.sql("""
				select u.id, u.email, u.display_name, u.password_hash, u.active, u.is_admin, t.scope, t.product_keys
				from api_tokens t
				join users u on u.id = t.user_id where t.token_hash = ? and t.revoked_at is null
				and (t.expires_at is null or t.expires_at > ?)""")
			.params(hash, utc(now))
			.query((rs, n) -> user(rs, n).withScope(scope(rs.getString("scope"), rs.getString("product_keys"))))
			.optional();
	}

	/** When the unrevoked token with this hash expired, if it has. */
	Optional<Instant> expiryOf(String hash, Instant now) {
		return jdbc.sql("""
				select expires_at from api_tokens
				where token_hash = ? and revoked_at is null and expires_at <= ?""")
			.params(hash, utc(now))
			.query((rs, n) -> instant(rs, "expires_at"))
			.optional();
	}

	/** Everyone's tokens, newest first, at most {@code limit}, with their owners. */
	List<OwnedToken> allTokens(int limit) {
		return jdbc
			.sql("select u.email, u.display_name, t.user_id, t." + TOKEN_COLUMNS.replace(", ", ", t.")
					+ " from api_tokens t join users u on u.id = t.user_id order by t.id desc fetch first " + limit
					+ " rows only")
			.query((rs, n) -> new OwnedToken(new UserId(rs.getLong("user_id")), rs.getString("email"),
					rs.getString("display_name"), token(rs, n)))
			.list();
	}

	/** The owner of a token, by the token's id. */
	Optional<UserId> tokenOwner(long id) {
		return jdbc.sql("select user_id from api_tokens where id = ?")
			.param(id)
			.query((rs, n) -> new UserId(rs.getLong(1)))
			.optional();
	}

	void touchToken(String hash, Instant now) {
		jdbc.sql("update api_tokens set last_used_at = ? where token_hash = ?").params(utc(now), hash).update();
	}

	List<ApiTokenView> tokensOf(UserId user) {
		return jdbc.sql("select " + TOKEN_COLUMNS + " from api_tokens where user_id = ? order by id desc")
			.param(user.value())
			.query(AccountRepository::token)
			.list();
	}

	Optional<ApiTokenView> token(UserId user, long id) {
		return jdbc.sql("select " + TOKEN_COLUMNS + " from api_tokens where user_id = ? and id = ?")
			.params(user.value(), id)
			.query(AccountRepository::token)
			.optional();
	}

	void revokeToken(UserId user, long id, Instant now) {
		jdbc.sql("update api_tokens set revoked_at = ? where user_id = ? and id = ? and revoked_at is null")
			.params(utc(now), user.value(), id)
			.update();
	}

	List<SignedInUser> allUsers() {
		return jdbc.sql("select " + USER_COLUMNS + " from users order by lower(display_name), id")
			.query(AccountRepository::user)
			.list();
	}

	void updateName(UserId user, String displayName) {
		jdbc.sql("update users set display_name = ?, version = version + 1 where id = ?")
			.params(displayName, user.value())
			.update();
	}

	void updatePassword(UserId user, String passwordHash) {
		jdbc.sql("update users set password_hash = ?, version = version + 1 where id = ?")
			.params(passwordHash, user.value())
			.update();
	}

	void setActive(UserId user, boolean active) {
		jdbc.sql("update users set active = ?, version = version + 1 where id = ?")
			.params(active, user.value())
			.update();
	}

	/**
	 * Revokes the user's tokens but the one with {@code keepHash} (null: all); answers
	 * how many.
	 */
	int revokeAllTokens(UserId user, String keepHash, Instant now) {
		String sql = "update api_tokens set revoked_at = :now where user_id = :user and revoked_at is null"
				+ (keepHash == null ? "" : " and token_hash <> :keep");
		var statement = jdbc.sql(sql).param("now", utc(now)).param("user", user.value());
		return (keepHash == null ? statement : statement.param("keep", keepHash)).update();
	}

	private static SignedInUser user(ResultSet rs, int row) throws SQLException {
		return new SignedInUser(new UserId(rs.getLong("id")), rs.getString("email"), rs.getString("display_name"),
				rs.getString("password_hash"), rs.getBoolean("active"), rs.getBoolean("is_admin"), TokenScope.FULL);
	}

	static TokenScope scope(String scope, String productKeys) {
		java.util.Set<String> keys = productKeys == null || productKeys.isBlank() ? java.util.Set.of()
				: java.util.Set.of(productKeys.split(","));
		return TokenScope.of(scope, keys);
	}

	private static ApiTokenView token(ResultSet rs, int row) throws SQLException {
		TokenScope scope = scope(rs.getString("scope"), rs.getString("product_keys"));
		return new ApiTokenView(rs.getLong("id"), rs.getString("name"), rs.getString("token_prefix"),
				instant(rs, "created_at"), instant(rs, "last_used_at"), instant(rs, "revoked_at"),
				instant(rs, "expires_at"), false, scope.readOnly(), scope.intakeOnly(),
				scope.productKeys().stream().sorted().toList());
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp ts = rs.getTimestamp(column);
		return ts == null ? null : ts.toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
