package dev.priora.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Notifications and delivery preferences. */
@Repository
class NotificationRepository {

	/** A notification to write. */
	record NewNotification(long userId, NotificationKind kind, String productKey, String itemKey, String subject,
			String message, String link, Long actorId, Instant at) {
	}

	private final JdbcClient jdbc;

	NotificationRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(NewNotification n) {
		jdbc.sql("""
				insert into notifications (user_id, kind, product_key, item_key, subject, message, link, actor_id,
				                           created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(n.userId(), n.kind().name(), n.productKey(), n.itemKey(), clip(n.subject(), 300),
					clip(n.message(), 1000), clip(n.link(), 300), n.actorId(), utc(n.at()))
			.update();
	}

	/** The user's notifications, newest first, from {@code offset}. */
	List<Notification> page(long userId, boolean unreadOnly, int offset, int limit) {
		return jdbc.sql("""
				select n.*, u.display_name as actor_name from notifications n
				left join users u on u.id = n.actor_id
				where n.user_id = ?""" + (unreadOnly ? " and n.read_at is null\n" : "\n") + """
				order by n.created_at desc, n.id desc offset ? rows fetch next ? rows only""")
			.params(userId, offset, limit)
			.query(NotificationRepository::notification)
			.list();
	}

	long count(long userId, boolean unreadOnly) {
		return jdbc
			.sql("select count(*) from notifications where user_id = ?" + (unreadOnly ? " and read_at is null" : ""))
			.param(userId)
			.query(Long.class)
			.single();
	}

	/**
	 * Marks the user's notification read; false when the user has no such notification.
	 */
	boolean markRead(long userId, long id, Instant now) {
		int found = jdbc.sql("select count(*) from notifications where id = ? and user_id = ?")
			.params(id, userId)
			.query(Integer.class)
			.single();
		jdbc.sql("update notifications set read_at = ? where id = ? and user_id = ? and read_at is null")
			.params(utc(now), id, userId)
			.update();
		return found > 0;
	}

	int markAllRead(long userId, Instant now) {
		return jdbc.sql("update notifications set read_at = ? where user_id = ? and read_at is null")
			.params(utc(now), userId)
			.update();
	}

	/** The user's choices; kinds without a row are not in the map. */
	Map<NotificationKind, Delivery> preferences(long userId) {
		Map<NotificationKind, Delivery> result = new EnumMap<>(NotificationKind.class);
		jdbc.sql("select kind, delivery from notification_preferences where user_id = ?").param(userId).query(rs -> {
			result.put(NotificationKind.valueOf(rs.getString(1)), Delivery.valueOf(rs.getString(2)));
		});
		return result;
	}

	/** Each user's choice for the kind; users without a row are not in the map. */
	Map<Long, Delivery> deliveries(Collection<Long> userIds, NotificationKind kind) {
		Map<Long, Delivery> result = new HashMap<>();
		if (userIds.isEmpty()) {
			return result;
		}
		jdbc.sql("select user_id, delivery from notification_preferences where kind = :kind and user_id in (:ids)")
			.param("kind", kind.name())
			.param("ids", userIds)
			.query(rs -> {
				result.put(rs.getLong(1), Delivery.valueOf(rs.getString(2)));
			});
		return result;
	}

	void setPreference(long userId, NotificationKind kind, Delivery delivery) {
		jdbc.sql("delete from notification_preferences where user_id = ? and kind = ?")
			.params(userId, kind.name())
			.update();
		if (delivery != kind.byDefault()) {
			jdbc.sql("insert into notification_preferences (user_id, kind, delivery) values (?, ?, ?)")
				.params(userId, kind.name(), delivery.name())
				.update();
		}
	}

	static Notification notification(ResultSet rs, int row) throws SQLException {
		return new Notification(rs.getLong("id"), NotificationKind.valueOf(rs.getString("kind")),
				rs.getString("product_key"), rs.getString("item_key"), rs.getString("subject"), rs.getString("message"),
				rs.getString("link"), rs.getString("actor_name"), instant(rs, "created_at"), instant(rs, "read_at"));
	}

	private static String clip(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.toInstant();
	}

	private static OffsetDateTime utc(Instant t) {
		return t.atOffset(ZoneOffset.UTC);
	}

}
