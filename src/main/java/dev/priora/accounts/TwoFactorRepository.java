package dev.priora.accounts;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Two-factor secrets, recovery codes and who must use two-factor. */
@Repository
class TwoFactorRepository {

	/** A user's stored secret (sealed), and when it was confirmed (null: enrolling). */
	record Enrolment(String sealedSecret, Instant confirmedAt, long lastStep) {
	}

	private final JdbcClient jdbc;

	TwoFactorRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Enrolment> find(UserId user) {
		return jdbc.sql("select secret, confirmed_at, last_step from two_factor where user_id = ?")
			.param(user.value())
			.query((rs, n) -> new Enrolment(rs.getString("secret"), instant(rs.getTimestamp("confirmed_at")),
					rs.getLong("last_step")))
			.optional();
	}

	/** Starts (or starts again) an enrolment with a new secret. */
	void begin(UserId user, String sealedSecret, Instant now) {
		jdbc.sql("delete from two_factor where user_id = ?").param(user.value()).update();
		jdbc.sql("insert into two_factor (user_id, secret, created_at) values (?, ?, ?)")
			.params(user.value(), sealedSecret, utc(now))
			.update();
	}

	/** Confirms an enrolment that is under way; false if there was none. */
	boolean confirm(UserId user, long step, Instant now) {
		return jdbc.sql("""
				update two_factor set confirmed_at = ?, last_step = ?
				where user_id = ? and confirmed_at is null and last_step < ?""")
			.params(utc(now), step, user.value(), step)
			.update() == 1;
	}

	/**
	 * Takes a time step as used: true only for the first caller with a step later than
	 * any accepted before, so that a code is never accepted twice.
	 */
	boolean useStep(UserId user, long step) {
		return jdbc.sql("update two_factor set last_step = ? where user_id = ? and last_step < ?")
			.params(step, user.value(), step)
			.update() == 1;
	}

	/** Removes the secret and the recovery codes; answers whether there was a secret. */
	boolean remove(UserId user) {
		jdbc.sql("delete from two_factor_recovery_codes where user_id = ?").param(user.value()).update();
		return jdbc.sql("delete from two_factor where user_id = ?").param(user.value()).update() == 1;
	}

	void replaceRecoveryCodes(UserId user, List<String> hashes) {
		jdbc.sql("delete from two_factor_recovery_codes where user_id = ?").param(user.value()).update();
		for (String hash : hashes) {
			jdbc.sql("insert into two_factor_recovery_codes (user_id, code_hash) values (?, ?)")
				.params(user.value(), hash)
				.update();
		}
	}

	/** Marks an unused recovery code used; true only for the first caller. */
	boolean useRecoveryCode(UserId user, String hash, Instant now) {
		return jdbc.sql("""
				update two_factor_recovery_codes set used_at = ?
				where user_id = ? and code_hash = ? and used_at is null""")
			.params(utc(now), user.value(), hash)
			.update() == 1;
	}

	int recoveryCodesLeft(UserId user) {
		return jdbc.sql("select count(*) from two_factor_recovery_codes where user_id = ? and used_at is null")
			.param(user.value())
			.query(Integer.class)
			.single();
	}

	boolean requiredFor(UserId user) {
		return jdbc.sql("select two_factor_required from users where id = ?")
			.param(user.value())
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	boolean setRequired(UserId user, boolean required) {
		return jdbc.sql("update users set two_factor_required = ?, version = version + 1 where id = ?")
			.params(required, user.value())
			.update() == 1;
	}

	boolean requiredForEveryone() {
		return jdbc.sql("select two_factor_required from account_policy where id = 1").query(Boolean.class).single();
	}

	void setRequiredForEveryone(boolean required) {
		jdbc.sql("update account_policy set two_factor_required = ?, version = version + 1 where id = 1")
			.param(required)
			.update();
	}

	/** The users with a confirmed second factor. */
	Set<Long> enrolledUsers() {
		return Set
			.copyOf(jdbc.sql("select user_id from two_factor where confirmed_at is not null").query(Long.class).list());
	}

	/** The users the admin requires two-factor of, one by one. */
	Set<Long> requiredUsers() {
		return Set.copyOf(jdbc.sql("select id from users where two_factor_required = true").query(Long.class).list());
	}

	private static Instant instant(Timestamp ts) {
		return ts == null ? null : ts.toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
