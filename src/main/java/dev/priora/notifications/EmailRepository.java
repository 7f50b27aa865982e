package dev.priora.notifications;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What e-mailing notifications reads and keeps: the recipients' addresses, each person's
 * last daily digest ({@code notification_digests}), the notifications a digest lists, and
 * the server's unsubscribe-link key ({@code server_keys}).
 */
@Repository
class EmailRepository {

	/** An active user to e-mail. */
	record Recipient(long id, String email, String name) {
	}

	private final JdbcClient jdbc;

	EmailRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Of these users, the active ones with an e-mail address, by id. */
	List<Recipient> recipients(Collection<Long> userIds) {
		if (userIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select id, email, display_name from users
				where id in (:ids) and active and email is not null and email <> '' order by id""")
			.param("ids", userIds)
			.query((rs, n) -> new Recipient(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	/** The user's display name (any user: an actor may have left since). */
	Optional<String> name(long userId) {
		return jdbc.sql("select display_name from users where id = ?").param(userId).query(String.class).optional();
	}

	/** Each product's name, by key. */
	Map<String, String> productNames(Collection<String> keys) {
		Map<String, String> names = new HashMap<>();
		if (!keys.isEmpty()) {
			jdbc.sql("select product_key, name from products where product_key in (:keys)")
				.param("keys", keys)
				.query(rs -> {
					names.put(rs.getString(1), rs.getString(2));
				});
		}
		return names;
	}

	/** Active users who chose the daily digest for some kind. */
	List<Long> digestUsers() {
		return jdbc.sql("""
				select distinct p.user_id from notification_preferences p join users u on u.id = p.user_id
				where p.delivery = 'EMAIL_DIGEST' and u.active order by p.user_id""").query(Long.class).list();
	}

	/** Up to when the user's last digest went out; empty before the first. */
	Optional<Instant> lastDigest(long userId) {
		return jdbc.sql("select sent_up_to from notification_digests where user_id = ?")
			.param(userId)
			.query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant())
			.optional();
	}

	/**
	 * The user's unread notifications created in {@code (after, upTo]} of the kinds they
	 * want in the digest, only of products they may still see (an active account with a
	 * role there, or an administrator); by product, then oldest first; at most
	 * {@code limit}.
	 */
	List<Notification> forDigest(long userId, Instant after, Instant upTo, int limit) {
		return jdbc.sql("""
				select n.*, a.display_name as actor_name from notifications n
				join users u on u.id = n.user_id
				left join users a on a.id = n.actor_id
				where n.user_id = :user and n.read_at is null and n.created_at > :after and n.created_at <= :upTo
				  and n.kind in (select p.kind from notification_preferences p
				                 where p.user_id = :user and p.delivery = 'EMAIL_DIGEST')
				  and u.active and (u.is_admin or exists (select 1 from product_roles r
				                                          where r.user_id = u.id and r.product_key = n.product_key))
				order by n.product_key, n.created_at, n.id fetch first :limit rows only""")
			.param("user", userId)
			.param("after", utc(after))
			.param("upTo", utc(upTo))
			.param("limit", limit)
			.query(NotificationRepository::notification)
			.list();
	}

	/**
	 * Records the user's first digest; fails (duplicate key) when another run recorded
	 * one first.
	 */
	void firstDigest(long userId, Instant upTo) {
		jdbc.sql("insert into notification_digests (user_id, sent_up_to) values (?, ?)")
			.params(userId, utc(upTo))
			.update();
	}

	/**
	 * Moves the user's digest mark from {@code previous} to {@code upTo}; false when
	 * another run moved it first.
	 */
	boolean nextDigest(long userId, Instant previous, Instant upTo) {
		return jdbc.sql("update notification_digests set sent_up_to = ? where user_id = ? and sent_up_to = ?")
			.params(utc(upTo), userId, utc(previous))
			.update() == 1;
	}

	Optional<String> key(String name) {
		return jdbc.sql("select secret from server_keys where name = ?").param(name).query(String.class).optional();
	}

	void insertKey(String name, String secret, Instant now) {
		jdbc.sql("insert into server_keys (name, secret, created_at) values (?, ?, ?)")
			.params(name, secret, utc(now))
			.update();
	}

	private static OffsetDateTime utc(Instant t) {
		return t.atOffset(ZoneOffset.UTC);
	}

}
