package dev.priora.notifications;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who watches what, and the few facts of other features' tables that decide who hears of
 * an item (read only: its author, parent, release, assignee's e-mail, the items that wait
 * on it, who may see a product).
 */
@Repository
class WatchRepository {

	/** An item as notifications need it. */
	record ItemFacts(long id, String productKey, String key, String title, long createdBy, Long parentId,
			Long releaseId, String assigneeEmail) {
	}

	private final JdbcClient jdbc;

	WatchRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The user's choice for the target: empty when never chosen nor watched
	 * automatically.
	 */
	Optional<Boolean> watching(long userId, WatchTarget target, long targetId) {
		return jdbc.sql("select watching from watches where user_id = ? and target = ? and target_id = ?")
			.params(userId, target.name(), targetId)
			.query(Boolean.class)
			.optional();
	}

	/** Records an explicit watch or unwatch. */
	void set(long userId, WatchTarget target, long targetId, String productKey, boolean watching, Instant now) {
		int updated = jdbc.sql("""
				update watches set watching = ?, updated_at = ? where user_id = ? and target = ? and target_id = ?""")
			.params(watching, now.atOffset(ZoneOffset.UTC), userId, target.name(), targetId)
			.update();
		if (updated == 0) {
			insert(userId, target, targetId, productKey, watching, now);
		}
	}

	/** Starts watching unless the user has a choice already (an unwatch stays). */
	void watchIfNew(long userId, WatchTarget target, long targetId, String productKey, Instant now) {
		jdbc.sql("""
				insert into watches (user_id, target, target_id, product_key, watching, updated_at)
				select :user, :target, :id, :product, true, :now where not exists
				  (select 1 from watches where user_id = :user and target = :target and target_id = :id)""")
			.param("user", userId)
			.param("target", target.name())
			.param("id", targetId)
			.param("product", productKey)
			.param("now", now.atOffset(ZoneOffset.UTC))
			.update();
	}

	private void insert(long userId, WatchTarget target, long targetId, String productKey, boolean watching,
			Instant now) {
		jdbc.sql("""
				insert into watches (user_id, target, target_id, product_key, watching, updated_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(userId, target.name(), targetId, productKey, watching, now.atOffset(ZoneOffset.UTC))
			.update();
	}

	/**
	 * Who watches the item: its own watchers, its epic's, and its release's; an explicit
	 * unwatch of the item itself wins over the epic's and the release's watch.
	 */
	Set<Long> watchersOf(ItemFacts item) {
		Set<Long> users = new HashSet<>(jdbc
			.sql("""
					select user_id from watches
					where watching and ((target = 'ITEM' and target_id = :parent) or (target = 'RELEASE' and target_id = :release))""")
			.param("parent", item.parentId() == null ? -1L : item.parentId())
			.param("release", item.releaseId() == null ? -1L : item.releaseId())
			.query(Long.class)
			.list());
		jdbc.sql("select user_id, watching from watches where target = 'ITEM' and target_id = ?")
			.param(item.id())
			.query(rs -> {
				if (rs.getBoolean(2)) {
					users.add(rs.getLong(1));
				}
				else {
					users.remove(rs.getLong(1));
				}
			});
		return users;
	}

	/**
	 * Who watches the release or the product's inbox ({@code id}: the release's or the
	 * product's).
	 */
	Set<Long> watchersOf(WatchTarget target, long id) {
		return new HashSet<>(jdbc.sql("select user_id from watches where watching and target = ? and target_id = ?")
			.params(target.name(), id)
			.query(Long.class)
			.list());
	}

	Optional<ItemFacts> item(long itemId) {
		return jdbc.sql("""
				select i.id, p.product_key, i.item_number, i.title, i.created_by, i.parent_id, pi.release_id, m.email
				from items i join products p on p.id = i.product_id
				left join planned_items pi on pi.item_id = i.id
				left join item_assignees a on a.item_id = i.id
				left join team_members m on m.id = a.member_id
				where i.id = ?""")
			.param(itemId)
			.query((rs, n) -> new ItemFacts(rs.getLong(1), rs.getString(2), rs.getString(2) + "-" + rs.getLong(3),
					rs.getString(4), rs.getLong(5), rs.getObject(6, Long.class), rs.getObject(7, Long.class),
					rs.getString(8)))
			.optional();
	}

	Optional<Long> productId(String productKey) {
		return jdbc.sql("select id from products where product_key = ?").param(productKey).query(Long.class).optional();
	}

	/** Whether the release is the product's. */
	boolean releaseOf(String productKey, long releaseId) {
		return jdbc.sql("select count(*) from releases where id = ? and product_key = ?")
			.params(releaseId, productKey)
			.query(Integer.class)
			.single() > 0;
	}

	/** The items that wait on this one (they depend on it). */
	List<Long> waitingOn(long itemId) {
		return jdbc.sql("select item_id from item_dependencies where target_id = ? and kind = 'DEPENDS_ON'")
			.param(itemId)
			.query(Long.class)
			.list();
	}

	/** The active user with this e-mail (case-insensitive). */
	Optional<Long> activeUserByEmail(String email) {
		if (email == null || email.isBlank()) {
			return Optional.empty();
		}
		return jdbc.sql("select id from users where lower(email) = ? and active")
			.param(email.strip().toLowerCase(java.util.Locale.ROOT))
			.query(Long.class)
			.optional();
	}

	/**
	 * Of the users, those who may see the product now: active, and holding a role in it
	 * or administrators.
	 */
	Set<Long> withAccess(String productKey, Collection<Long> userIds) {
		if (userIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("""
				select u.id from users u where u.id in (:ids) and u.active and (u.is_admin or exists
				  (select 1 from product_roles r where r.user_id = u.id and r.product_key = :key))""")
			.param("ids", userIds)
			.param("key", productKey)
			.query(Long.class)
			.list());
	}

}
