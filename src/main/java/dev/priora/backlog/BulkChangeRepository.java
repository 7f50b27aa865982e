package dev.priora.backlog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Bulk changes and each changed item's fields before them ({@code bulk_changes}). */
@Repository
class BulkChangeRepository {

	/**
	 * An item as it was before the change, and its version and place right after it; its
	 * release and sprint before and after when the change set them (else both null).
	 */
	record Before(long itemId, ItemStatus status, BigDecimal estimate, List<String> labels, String rank,
			long versionAfter, String rankAfter, ItemPlans.Plan planBefore, ItemPlans.Plan planAfter) {
	}

	/** A recorded change. */
	record Change(long id, long productId, String summary, Instant undoneAt) {
	}

	private final JdbcClient jdbc;

	BulkChangeRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long productId, String summary, long user, Instant at) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into bulk_changes (product_id, summary, created_by, created_at) values (?, ?, ?, ?)")
			.params(productId, summary, user, Rows.utc(at))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void insertItem(long changeId, Before b) {
		jdbc.sql("""
				insert into bulk_change_items (change_id, item_id, status, estimate, labels, rank_key, version_after,
				  rank_after, plan_changed, release_before, sprint_before, release_after, sprint_after)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(changeId, b.itemId(), b.status().name(), b.estimate(), String.join("\n", b.labels()), b.rank(),
					b.versionAfter(), b.rankAfter(), b.planBefore() != null, release(b.planBefore()),
					sprint(b.planBefore()), release(b.planAfter()), sprint(b.planAfter()))
			.update();
	}

	Optional<Change> find(long productId, long id) {
		return jdbc.sql("select id, product_id, summary, undone_at from bulk_changes where product_id = ? and id = ?")
			.params(productId, id)
			.query((rs, n) -> new Change(rs.getLong(1), rs.getLong(2), rs.getString(3),
					rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
			.optional();
	}

	/** The change's items in their order before it (by the rank they had). */
	List<Before> items(long changeId) {
		return jdbc.sql("""
				select item_id, status, estimate, labels, rank_key, version_after, rank_after, plan_changed,
				  release_before, sprint_before, release_after, sprint_after
				from bulk_change_items where change_id = ? order by rank_key""")
			.param(changeId)
			.query((rs, n) -> new Before(rs.getLong(1), ItemStatus.valueOf(rs.getString(2)),
					Rows.points(rs, "estimate"),
					rs.getString(4).isEmpty() ? List.of() : List.of(rs.getString(4).split("\n")), rs.getString(5),
					rs.getLong(6), rs.getString(7), plan(rs, 8, 9, 10), plan(rs, 8, 11, 12)))
			.list();
	}

	private static ItemPlans.Plan plan(java.sql.ResultSet rs, int changed, int release, int sprint)
			throws java.sql.SQLException {
		return rs.getBoolean(changed)
				? new ItemPlans.Plan(rs.getObject(release, Long.class), rs.getObject(sprint, Long.class)) : null;
	}

	private static Long release(ItemPlans.Plan p) {
		return p == null ? null : p.releaseId();
	}

	private static Long sprint(ItemPlans.Plan p) {
		return p == null ? null : p.sprintId();
	}

	void markUndone(long id, Instant at) {
		jdbc.sql("update bulk_changes set undone_at = ? where id = ?").params(Rows.utc(at), id).update();
	}

	/** Whether another item of the product holds this rank key now. */
	boolean rankTaken(long productId, String rank, long exceptItem) {
		return jdbc.sql("select count(*) from items where product_id = ? and rank_key = ? and id <> ?")
			.params(productId, rank, exceptItem)
			.query(Long.class)
			.single() > 0;
	}

	/** Sets an item's rank key without touching its version (moves never do). */
	void setRank(long itemId, String rank) {
		jdbc.sql("update items set rank_key = ? where id = ?").params(rank, itemId).update();
	}

}
