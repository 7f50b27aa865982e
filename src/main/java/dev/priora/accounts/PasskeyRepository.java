package dev.priora.accounts;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads and edits of the passkey tables Spring Security's JDBC repositories own
 * ({@code user_entities}, {@code user_credentials}, V56): a user entity's name is the
 * Priora user's e-mail, which never changes.
 */
@Repository
class PasskeyRepository {

	private static final String OWNED = """
			credential_id = ? and user_entity_user_id in (
			  select e.id from user_entities e join users u on u.email = e.name where u.id = ?)""";

	private final JdbcClient jdbc;

	PasskeyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A user's passkeys, oldest first. */
	List<PasskeyView> list(UserId user) {
		return jdbc.sql("""
				select c.credential_id, c.label, c.created, c.last_used
				from user_credentials c
				join user_entities e on e.id = c.user_entity_user_id
				join users u on u.email = e.name
				where u.id = ?
				order by c.created, c.credential_id""").param(user.value()).query((rs, n) -> {
			Instant created = instant(rs.getTimestamp("created"));
			Instant lastUsed = instant(rs.getTimestamp("last_used"));
			return new PasskeyView(rs.getString("credential_id"), rs.getString("label"), created,
					registrationOnly(created, lastUsed) ? null : lastUsed);
		}).list();
	}

	/** How many passkeys each user who has one has, by user id. */
	Map<Long, Integer> counts() {
		Map<Long, Integer> counts = new HashMap<>();
		jdbc.sql("""
				select u.id, count(*) as n
				from user_credentials c
				join user_entities e on e.id = c.user_entity_user_id
				join users u on u.email = e.name
				group by u.id""").query(rs -> {
			counts.put(rs.getLong("id"), rs.getInt("n"));
		});
		return counts;
	}

	/** Relabels one of the user's passkeys; false if they have none with that id. */
	boolean rename(UserId user, String credentialId, String label) {
		return jdbc.sql("update user_credentials set label = ? where " + OWNED)
			.params(label, credentialId, user.value())
			.update() == 1;
	}

	/** Removes one of the user's passkeys; false if they have none with that id. */
	boolean delete(UserId user, String credentialId) {
		return jdbc.sql("delete from user_credentials where " + OWNED).params(credentialId, user.value()).update() == 1;
	}

	/** The e-mail of the user a passkey belongs to. */
	Optional<String> ownerEmail(String credentialId) {
		return jdbc.sql("""
				select e.name from user_credentials c join user_entities e on e.id = c.user_entity_user_id
				where c.credential_id = ?""").param(credentialId).query(String.class).optional();
	}

	/**
	 * Spring Security stamps a new credential as used when it is registered; that is no
	 * sign-in.
	 */
	private static boolean registrationOnly(Instant created, Instant lastUsed) {
		return created != null && lastUsed != null
				&& Duration.between(created, lastUsed).abs().compareTo(Duration.ofSeconds(1)) < 0;
	}

	private static Instant instant(Timestamp ts) {
		return ts == null ? null : ts.toInstant();
	}

}
