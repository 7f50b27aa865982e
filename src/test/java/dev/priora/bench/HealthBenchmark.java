package dev.priora.bench;

import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.priora.accounts.AccountService;
import dev.priora.accounts.UserId;
import dev.priora.backlog.ProductService;
import dev.priora.support.BrowserlessSession;
import dev.priora.support.RequestProbe;

/**
 * The backlog health page and API at a large product: {@link BacklogSeeder}'s items
 * (100,000 by default: a fifth in progress, a fifth done, a dependency per five items),
 * each started or done item with its status history (started up to 60 days ago), stored
 * vectors of 384 random dimensions for the first 2,000 items and 500 open feedback.
 * Server side p50/p99 and statements, as {@link LargePagesBenchmark} measures. Arguments:
 * {@code h2|postgres [items] [runs]}.
 */
public final class HealthBenchmark {

	private HealthBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String db = args.length > 0 ? args[0] : "h2";
		int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
		int runs = args.length > 2 ? Integer.parseInt(args[2]) : 50;
		ConfigurableApplicationContext app = BenchServer.start(BenchServer.Store.fresh(db), false, RequestProbe.class);
		UserId admin = app.getBean(AccountService.class).findByEmail("admin@localhost").orElseThrow().id();
		long product = app.getBean(ProductService.class).create("BENCH", "Benchmark", "", admin).id().value();
		JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
		long t0 = System.nanoTime();
		new BacklogSeeder(jdbc).seed(product, admin.value(), n, 7);
		history(jdbc, product, admin.value());
		vectors(jdbc, product);
		System.out.printf(Locale.ROOT, "database=%s items=%d seeded in %.1f s, %s%n", db, n,
				(System.nanoTime() - t0) / 1e9, BenchServer.load());
		BrowserlessSession session = BrowserlessSession.signIn(BenchServer.port(app), "admin@localhost",
				BenchServer.PASSWORD);
		LargePagesBenchmark.measure(session, "health API", runs, () -> "/api/v1/products/BENCH/health");
		LargePagesBenchmark.measure(session, "health page", runs, () -> "/p/BENCH/health");
		System.out.println("after, " + BenchServer.load());
		app.close();
		System.exit(0);
	}

	/** A start for every item in progress or done, and a done for every done item. */
	private static void history(JdbcTemplate jdbc, long product, long user) {
		Random random = new Random(3);
		Instant now = Instant.now();
		List<Object[]> rows = new ArrayList<>();
		for (var item : jdbc.queryForList(
				"select id, status from items where product_id = ? and status in" + " ('IN_PROGRESS', 'DONE')",
				product)) {
			Instant started = now.minus(Duration.ofHours(1 + random.nextInt(60 * 24)));
			rows.add(new Object[] { item.get("id"), "READY", "IN_PROGRESS", user, Timestamp.from(started) });
			if ("DONE".equals(item.get("status"))) {
				rows.add(new Object[] { item.get("id"), "IN_PROGRESS", "DONE", user,
						Timestamp.from(started.plus(Duration.ofHours(random.nextInt(24 * 20)))) });
			}
		}
		jdbc.batchUpdate("insert into item_history (item_id, field, old_value, new_value, changed_by, changed_at)"
				+ " values (?, 'status', ?, ?, ?, ?)", rows);
	}

	private static void vectors(JdbcTemplate jdbc, long product) {
		Random random = new Random(5);
		Timestamp now = Timestamp.from(Instant.now());
		List<Object[]> rows = new ArrayList<>();
		for (long id : jdbc.queryForList("select id from items where product_id = ? order by rank_key limit 2000",
				Long.class, product)) {
			rows.add(new Object[] { id, product, "bench", vector(random), now });
		}
		jdbc.batchUpdate("insert into item_vectors (item_id, product_id, text_hash, embedding, embedded_at)"
				+ " values (?, ?, ?, ?, ?)", rows);
		List<Object[]> feedback = new ArrayList<>();
		for (int i = 0; i < 500; i++) {
			feedback.add(new Object[] { "Feedback " + i, "Please make checkout faster " + i, now, vector(random), now,
					now });
		}
		jdbc.batchUpdate("""
				insert into feedback (product_key, title, body, channel, received_at, status, embedding, created_at,
				  updated_at) values ('BENCH', ?, ?, 'API', ?, 'NEW', ?, ?, ?)""", feedback);
	}

	private static byte[] vector(Random random) {
		ByteBuffer buffer = ByteBuffer.allocate(384 * 4);
		for (int d = 0; d < 384; d++) {
			buffer.putFloat((float) random.nextGaussian());
		}
		return buffer.array();
	}

}
