package dev.priora.backlog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DependencyRepository {

	private final JdbcClient jdbc;

	DependencyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts the link unless it exists; true when it was new. */
	boolean insert(long productId, long itemId, long targetId, DependencyKind kind, long user, Instant now) {
		if (exists(itemId, targetId, kind)) {
			return false;
		}
		jdbc.sql("""
				insert into item_dependencies (product_id, item_id, target_id, kind, created_at, created_by)
				values (?, ?, ?, ?, ?, ?)""")
			.params(productId, itemId, targetId, kind.name(), Rows.utc(now), user)
			.update();
		return true;
	}

	boolean exists(long itemId, long targetId, DependencyKind kind) {
		return jdbc.sql("select count(*) from item_dependencies where item_id = ? and target_id = ? and kind = ?")
			.params(itemId, targetId, kind.name())
			.query(Long.class)
			.single() > 0;
	}

	boolean delete(long itemId, long targetId, DependencyKind kind) {
		return jdbc.sql("delete from item_dependencies where item_id = ? and target_id = ? and kind = ?")
			.params(itemId, targetId, kind.name())
			.update() > 0;
	}

	/** All "depends on" edges of a product as parallel arrays {from[], to[]}. */
	long[][] dependsOnEdges(long productId) {
		List<long[]> edges = jdbc
			.sql("select item_id, target_id from item_dependencies where product_id = ? and kind = ?")
			.params(productId, DependencyKind.DEPENDS_ON.name())
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list();
		long[] from = new long[edges.size()];
		long[] to = new long[edges.size()];
		for (int i = 0; i < edges.size(); i++) {
			from[i] = edges.get(i)[0];
			to[i] = edges.get(i)[1];
		}
		return new long[][] { from, to };
	}

	/**
	 * One end of a link: {@code itemId} is the item asked about, the rest describes the
	 * other item.
	 */
	record Link(long itemId, boolean outgoing, DependencyKind kind, long otherNumber, String otherTitle,
			ItemStatus otherStatus) {
	}

	/** Links leaving the given items (they depend on or relate to another item). */
	List<Link> outgoing(Collection<Long> ids) {
		return links(ids, true);
	}

	/** Links arriving at the given items (another item depends on or relates to them). */
	List<Link> incoming(Collection<Long> ids) {
		return links(ids, false);
	}

	private List<Link> links(Collection<Long> ids, boolean outgoing) {
		if (ids.isEmpty()) {
			return List.of();
		}
		String self = outgoing ? "item_id" : "target_id";
		String other = outgoing ? "target_id" : "item_id";
		return jdbc
			.sql("select d." + self + ", d.kind, o.item_number, o.title, o.status from item_dependencies d"
					+ " join items o on o.id = d." + other + " where d." + self + " in (:ids) order by o.rank_key")
			.param("ids", ids)
			.query((rs, n) -> new Link(rs.getLong(1), outgoing, DependencyKind.valueOf(rs.getString(2)), rs.getLong(3),
					rs.getString(4), ItemStatus.valueOf(rs.getString(5))))
			.list();
	}

	static Map<Long, List<Link>> byItem(List<Link> links) {
		Map<Long, List<Link>> map = new HashMap<>();
		for (Link l : links) {
			map.computeIfAbsent(l.itemId(), k -> new ArrayList<>()).add(l);
		}
		return map;
	}

}
