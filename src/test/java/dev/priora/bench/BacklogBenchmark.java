package dev.priora.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.priora.accounts.AccountService;
import dev.priora.accounts.UserId;
import dev.priora.backlog.BacklogService;
import dev.priora.backlog.ItemFilter;
import dev.priora.backlog.ItemKey;
import dev.priora.backlog.Placement;
import dev.priora.backlog.ProductService;
import dev.priora.support.ApiClient;

/**
 * The backlog benchmark of docs/BENCHMARKS.md: a real Priora server over H2 (file) or
 * PostgreSQL with 100,000 items in one product; measures the server-side time of a
 * 50-item backlog page and of a move (p50/p99 over thousands of calls after warm-up),
 * then the page endpoint under {@code wrk} with 64 connections, and the heap in use.
 * Arguments: {@code h2|postgres [items] [wrkSeconds]}.
 */
public final class BacklogBenchmark {

	private BacklogBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String db = args.length > 0 ? args[0] : "h2";
		int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
		int wrkSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
		ConfigurableApplicationContext app = BenchServer.start(db);
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
		UserId admin = app.getBean(AccountService.class).findByEmail("admin@localhost").orElseThrow().id();
		var product = app.getBean(ProductService.class).create("BENCH", "Benchmark", "", admin);
		long t0 = System.nanoTime();
		new BacklogSeeder(app.getBean(JdbcTemplate.class)).seed(product.id().value(), admin.value(), n, 7);
		System.out.printf(Locale.ROOT, "database=%s items=%d seeded in %.1f s%n", db, n,
				(System.nanoTime() - t0) / 1e9);

		BacklogService backlog = app.getBean(BacklogService.class);
		List<String> cursors = cursors(backlog, n);
		Random random = new Random(11);
		measure("page (50 items, server side)", 3000, 5000,
				() -> backlog.page("BENCH", ItemFilter.NONE, cursors.get(random.nextInt(cursors.size())), 50));
		measure("page filtered (type=BUG, ready=true)", 300, 1000,
				() -> backlog.page("BENCH",
						new ItemFilter(dev.priora.backlog.ItemType.BUG, null, null, null, true, null),
						cursors.get(random.nextInt(cursors.size())), 50));
		measure("move (before/after a random item)", 2000, 5000, () -> {
			ItemKey item = new ItemKey("BENCH", 1 + random.nextInt(n));
			ItemKey target = new ItemKey("BENCH", 1 + random.nextInt(n));
			if (!item.equals(target)) {
				backlog.move(item, random.nextBoolean() ? new Placement.Before(target) : new Placement.After(target),
						admin);
			}
		});
		ApiClient api = ApiClient.signIn(port, "admin@localhost", BenchServer.PASSWORD);
		measure("page over HTTP (one client, loopback round trip)", 1000, 3000, () -> api
			.get("/api/v1/products/BENCH/items?limit=50&cursor=" + cursors.get(random.nextInt(cursors.size()))));
		String token = ApiClient.signInToken(port, "admin@localhost", BenchServer.PASSWORD);
		wrk(port, token, wrkSeconds);
		System.gc();
		Thread.sleep(500);
		System.gc();
		var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
		System.out.printf(Locale.ROOT, "heap used after GC: %d MiB (max %d MiB)%n", heap.getUsed() >> 20,
				heap.getMax() >> 20);
		app.close();
		System.exit(0);
	}

	private static List<String> cursors(BacklogService backlog, int n) {
		List<String> cursors = new ArrayList<>();
		cursors.add(null);
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

	private static void measure(String name, int warmup, int runs, Runnable call) {
		for (int i = 0; i < warmup; i++) {
			call.run();
		}
		long[] nanos = new long[runs];
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			call.run();
			nanos[i] = System.nanoTime() - start;
		}
		Arrays.sort(nanos);
		System.out.printf(Locale.ROOT, "%-50s p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms  (%d runs)%n", name,
				nanos[runs / 2] / 1e6, nanos[(int) (runs * 0.99)] / 1e6, nanos[runs - 1] / 1e6, runs);
	}

	private static void wrk(int port, String token, int seconds) throws Exception {
		if (seconds <= 0 || !Files.isExecutable(Path.of("/usr/bin/wrk"))) {
			System.out.println("wrk: skipped (install Debian's wrk package)");
			return;
		}
		Process p = new ProcessBuilder("/usr/bin/wrk", "-t2", "-c64", "-d" + seconds + "s", "--latency", "-H",
				"Authorization: Bearer " + token, "http://127.0.0.1:" + port + "/api/v1/products/BENCH/items?limit=50")
			.redirectErrorStream(true)
			.start();
		try (var in = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
			in.lines().forEach(line -> System.out.println("wrk| " + line));
		}
		p.waitFor();
	}

}
