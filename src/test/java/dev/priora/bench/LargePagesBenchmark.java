package dev.priora.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.priora.accounts.AccountService;
import dev.priora.accounts.UserId;
import dev.priora.backlog.BacklogService;
import dev.priora.backlog.ItemFilter;
import dev.priora.backlog.ProductService;
import dev.priora.prioritization.PrioritizationService;
import dev.priora.support.BrowserlessSession;
import dev.priora.support.RequestProbe;

/**
 * The large-product page benchmark of docs/BENCHMARKS.md ("Pages"): a real Priora server
 * over H2 (file) or PostgreSQL with one product of 100,000 items ({@link BacklogSeeder},
 * RICE inputs on every third item), signed in as a browser would be. Server side (from
 * the first filter to the last byte written, with {@link RequestProbe}) p50/p99 over many
 * requests after a warm-up: the backlog page, its next rows at random cursors, the
 * scoring grid and its next rows at random cursors. Arguments:
 * {@code h2|postgres [items] [runs]}.
 */
public final class LargePagesBenchmark {

	private LargePagesBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String db = args.length > 0 ? args[0] : "h2";
		int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
		int runs = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
		ConfigurableApplicationContext app = BenchServer.start(BenchServer.Store.fresh(db), false, RequestProbe.class);
		int port = BenchServer.port(app);
		UserId admin = app.getBean(AccountService.class).findByEmail("admin@localhost").orElseThrow().id();
		var product = app.getBean(ProductService.class).create("BENCH", "Benchmark", "", admin);
		JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
		long t0 = System.nanoTime();
		new BacklogSeeder(jdbc).seed(product.id().value(), admin.value(), n, 7);
		PrioritizationService scores = app.getBean(PrioritizationService.class);
		long rice = app.getBean(dev.priora.prioritization.ScoringModels.class).model("BENCH", null).id();
		jdbc.update(
				"""
						insert into score_inputs (model_id, item_id, criterion, input_value, updated_at, updated_by)
						select ?, id, 'impact', 'high', current_timestamp, ? from items where product_id = ? and mod(id, 3) = 0""",
				rice, admin.value(), product.id().value());
		System.out.printf(Locale.ROOT, "database=%s items=%d seeded in %.1f s, %s%n", db, n,
				(System.nanoTime() - t0) / 1e9, BenchServer.load());

		awaitVectors(jdbc, product.id().value(), n);

		long s0 = System.nanoTime();
		int all = scores.scores("BENCH", null).size();
		System.out.printf(Locale.ROOT, "before: the whole grid's scores (%d items, service only, no HTML) %.0f ms%n",
				all, (System.nanoTime() - s0) / 1e6);

		List<String> cursors = cursors(app.getBean(BacklogService.class), n);
		Random random = new Random(11);
		BrowserlessSession session = BrowserlessSession.signIn(port, "admin@localhost", BenchServer.PASSWORD);
		Supplier<String> cursor = () -> cursors.get(random.nextInt(cursors.size()));
		measure(session, "backlog page (first 25 rows)", runs, () -> "/p/BENCH/backlog");
		measure(session, "backlog rows (50, random cursor)", runs,
				() -> "/p/BENCH/backlog/rows?cursor=" + cursor.get());
		measure(session, "scoring grid (first 25 rows)", runs, () -> "/p/BENCH/scoring");
		measure(session, "scoring rows (50, random cursor)", runs,
				() -> "/p/BENCH/scoring/rows?cursor=" + cursor.get());
		System.out.println("after, " + BenchServer.load());
		app.close();
		System.exit(0);
	}

	/**
	 * Waits until the background task has embedded the seeded items (the steady state of
	 * a product whose import finished long ago), or until the count of vectors stops
	 * growing for 30 s, so that the measured requests do not share the CPU with it.
	 */
	private static void awaitVectors(JdbcTemplate jdbc, long product, int n) throws InterruptedException {
		long t0 = System.nanoTime();
		long last = -1;
		long still = System.nanoTime();
		while (true) {
			Long count = jdbc.queryForObject("select count(*) from item_vectors where product_id = ?", Long.class,
					product);
			if (count != last) {
				last = count;
				still = System.nanoTime();
			}
			if (count >= n || System.nanoTime() - still > 30e9) {
				break;
			}
			Thread.sleep(5000);
		}
		System.out.printf(Locale.ROOT, "sentence vectors of the seeded items: %d of %d after %.0f s%n", last, n,
				(System.nanoTime() - t0) / 1e9);
	}

	private static List<String> cursors(BacklogService backlog, int n) {
		List<String> cursors = new ArrayList<>();
		String cursor = null;
		for (int i = 0; i < n / 200 && i < 400; i++) {
			cursor = backlog.page("BENCH", ItemFilter.NONE, cursor, 200).nextCursor();
			if (cursor == null) {
				break;
			}
			cursors.add(cursor);
		}
		return cursors;
	}

	static void measure(BrowserlessSession session, String name, int runs, Supplier<String> path) {
		for (int i = 0; i < Math.max(50, runs / 5); i++) {
			probe(session, path.get());
		}
		long[] nanos = new long[runs];
		long[] cpu = new long[runs];
		int statements = 0;
		for (int i = 0; i < runs; i++) {
			RequestProbe.Result r = probe(session, path.get());
			nanos[i] = r.wallNanos();
			cpu[i] = r.cpuNanos();
			statements = Math.max(statements, r.count());
		}
		Arrays.sort(nanos);
		Arrays.sort(cpu);
		System.out.printf(Locale.ROOT,
				"%-36s p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms  (%d runs, %d statements; CPU p50 %.2f, p99 %.2f ms)%n",
				name, nanos[runs / 2] / 1e6, nanos[(int) (runs * 0.99)] / 1e6, nanos[runs - 1] / 1e6, runs, statements,
				cpu[runs / 2] / 1e6, cpu[(int) (runs * 0.99)] / 1e6);
	}

	private static RequestProbe.Result probe(BrowserlessSession session, String path) {
		String id = UUID.randomUUID().toString();
		int status = session.withHeader(RequestProbe.HEADER, id).get(path).statusCode();
		if (status != 200) {
			throw new IllegalStateException(path + " answered " + status);
		}
		return RequestProbe.await(id);
	}

}
