package dev.priora.bench;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.springframework.jdbc.core.JdbcTemplate;

import dev.priora.backlog.engine.RankKeys;

/**
 * Fills one product with {@code n} items by batched SQL: 1 % epics with the rest spread
 * under them, labels on a third, acceptance criteria on half, one dependency per five
 * items (always on an earlier item, so no cycle).
 */
final class BacklogSeeder {

	private final JdbcTemplate jdbc;

	BacklogSeeder(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void seed(long productId, long user, int n, long seed) {
		Random random = new Random(seed);
		String[] ranks = RankKeys.evenlySpaced(n);
		Timestamp now = Timestamp.from(Instant.now());
		int epics = Math.max(1, n / 100);
		String[] types = { "STORY", "STORY", "STORY", "BUG", "TASK", "SPIKE" };
		String[] statuses = { "NEW", "NEW", "READY", "IN_PROGRESS", "DONE" };
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			boolean epic = i < epics;
			rows.add(new Object[] { productId, i + 1L, epic ? "EPIC" : types[random.nextInt(types.length)],
					"Benchmark item " + (i + 1) + " about " + (random.nextBoolean() ? "checkout" : "search"),
					random.nextInt(3) == 0 ? "" : "As a shopper I want item " + (i + 1) + " so that it is measured.",
					random.nextInt(5) == 0 ? null
							: new java.math.BigDecimal(new int[] { 1, 2, 3, 5, 8, 13 }[random.nextInt(6)]),
					epic ? "IN_PROGRESS" : statuses[random.nextInt(statuses.length)], ranks[i], now, user, now, user });
			if (rows.size() == 2000) {
				insertItems(rows);
			}
		}
		insertItems(rows);
		jdbc.update("update products set next_item_number = ? where id = ?", n + 1L, productId);
		List<Long> ids = jdbc.queryForList("select id from items where product_id = ? order by item_number", Long.class,
				productId);
		List<Object[]> parents = new ArrayList<>();
		List<Object[]> labels = new ArrayList<>();
		List<Object[]> criteria = new ArrayList<>();
		List<Object[]> deps = new ArrayList<>();
		for (int i = epics; i < n; i++) {
			long id = ids.get(i);
			if (random.nextInt(10) < 8) {
				parents.add(new Object[] { ids.get(random.nextInt(epics)), id });
			}
			if (random.nextInt(3) == 0) {
				labels.add(new Object[] { id, "label" + random.nextInt(40) });
			}
			if (random.nextBoolean()) {
				criteria.add(new Object[] { id, 0, "It works for item " + (i + 1), false });
			}
			if (random.nextInt(5) == 0 && i > epics + 1) {
				deps.add(new Object[] { productId, id, ids.get(epics + random.nextInt(i - epics)), now, user });
			}
		}
		jdbc.batchUpdate("update items set parent_id = ? where id = ?", parents);
		jdbc.batchUpdate("insert into item_labels (item_id, label) values (?, ?)", labels);
		jdbc.batchUpdate("insert into acceptance_criteria (item_id, position, statement, done) values (?, ?, ?, ?)",
				criteria);
		jdbc.batchUpdate("""
				insert into item_dependencies (product_id, item_id, target_id, kind, created_at, created_by)
				values (?, ?, ?, 'DEPENDS_ON', ?, ?)""", deps);
	}

	private void insertItems(List<Object[]> rows) {
		jdbc.batchUpdate(
				"""
						insert into items (product_id, item_number, item_type, title, description, estimate, status,
						  rank_key, created_at, created_by, updated_at, updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
				rows);
		rows.clear();
	}

}
