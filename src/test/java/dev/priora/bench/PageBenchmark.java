package dev.priora.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.priora.support.ApiClient;
import dev.priora.support.BrowserlessSession;
import dev.priora.support.DemoPages;
import dev.priora.support.RequestProbe;

/**
 * The page benchmark of docs/BENCHMARKS.md: every page of the demo product on a fresh H2
 * file database. Server side, per page: the first visit after the first start, then the
 * median and 90th percentile of {@code rounds} visits, the CPU time of the thread that
 * served it (a figure that a busy machine disturbs far less than wall time) and its SQL
 * statements ({@link RequestProbe}). Then, with {@code browser}, the server is started
 * again on the same database and every page is opened in headless Chromium
 * ({@code scripts/page-settle.js}): its settle time on the first visit after the restart
 * and over the rounds. Arguments: {@code [rounds] [browser]}.
 */
public final class PageBenchmark {

	/** Fragments that pages load by htmx: measured server side only. */
	private static final Set<String> FRAGMENTS = Set.of("/p/{key}/backlog/rows", "/p/{key}/items/{itemKey}/demand",
			"/p/{key}/items/{itemKey}/scores", "/p/{key}/similar", "/p/{key}/feedback/{id}/story",
			"/p/{key}/releases/{id}/what-it-takes", "/p/{key}/customers/{id}/promise", "/p/{key}/plans/{id}/forecasts",
			"/p/{key}/plans/{id}/customer-promises", "/p/{key}/insights/week", "/p/{key}/items/{itemKey}/portal",
			"/p/{key}/release-forecasts");

	private PageBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
		boolean browser = Arrays.asList(args).contains("browser");
		BenchServer.Store store = BenchServer.Store.fresh("h2");
		System.out.println("first start, " + BenchServer.load());
		ConfigurableApplicationContext app = BenchServer.start(store, true, RequestProbe.class);
		BrowserlessSession session = BrowserlessSession.signIn(BenchServer.port(app), "admin@localhost",
				BenchServer.PASSWORD);
		JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
		DemoPages.ensurePlanning(ApiClient.signIn(BenchServer.port(app), "admin@localhost", BenchServer.PASSWORD),
				jdbc);
		Map<String, String> pages = DemoPages.of(jdbc, p -> session.get(p).body());
		serverSide(session, pages, rounds);
		app.close();
		if (browser) {
			System.out.println("second start (browser), " + BenchServer.load());
			app = BenchServer.start(store, true);
			browser(BenchServer.port(app), pages, rounds);
			System.out.println(BenchServer.load());
			app.close();
		}
		System.exit(0);
	}

	private static void serverSide(BrowserlessSession session, Map<String, String> pages, int rounds) {
		// fragments are asked for as htmx asks for them (opened directly, some lead to
		// their page)
		BrowserlessSession htmx = session.withHeader("HX-Request", "true");
		java.util.function.Function<String, BrowserlessSession> by = route -> FRAGMENTS.contains(route) ? htmx
				: session;
		Map<String, RequestProbe.Result> first = new LinkedHashMap<>();
		pages.forEach((route, path) -> first.put(route, probe(by.apply(route), path)));
		Map<String, List<RequestProbe.Result>> warm = new LinkedHashMap<>();
		for (int r = 0; r < rounds; r++) {
			pages.forEach((route, path) -> warm.computeIfAbsent(route, k -> new ArrayList<>())
				.add(probe(by.apply(route), path)));
		}
		System.out.printf(Locale.ROOT, "%-40s %9s %9s | %9s %9s %9s | %5s%n", "page (server side, ms)", "1st wall",
				"1st cpu", "wall p50", "wall p90", "cpu p50", "sql");
		pages.keySet().forEach(route -> {
			List<RequestProbe.Result> runs = warm.get(route);
			long[] wall = runs.stream().mapToLong(RequestProbe.Result::wallNanos).sorted().toArray();
			long[] cpu = runs.stream().mapToLong(RequestProbe.Result::cpuNanos).sorted().toArray();
			System.out.printf(Locale.ROOT, "%-40s %9.1f %9.1f | %9.1f %9.1f %9.1f | %5d%n", route,
					first.get(route).wallNanos() / 1e6, first.get(route).cpuNanos() / 1e6, at(wall, 0.5) / 1e6,
					at(wall, 0.9) / 1e6, at(cpu, 0.5) / 1e6, runs.get(runs.size() - 1).count());
		});
		System.out.println("after the server-side rounds, " + BenchServer.load());
		// -Dbench.trace=ROUTE lists that page's statements, the repeated ones first
		// (finding a
		// query per row)
		String trace = System.getProperty("bench.trace");
		if (trace != null && first.containsKey(trace)) {
			Map<String, Long> repeated = new java.util.TreeMap<>();
			first.get(trace).statements().forEach(sql -> repeated.merge(sql, 1L, Long::sum));
			repeated.entrySet()
				.stream()
				.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
				.forEach(e -> System.out.printf(Locale.ROOT, "%5d × %s%n", e.getValue(),
						e.getKey().substring(0, Math.min(160, e.getKey().length()))));
		}
	}

	private static RequestProbe.Result probe(BrowserlessSession session, String path) {
		String id = UUID.randomUUID().toString();
		int status = session.withHeader(RequestProbe.HEADER, id).get(path).statusCode();
		if (status != 200) {
			throw new IllegalStateException(path + " answered " + status);
		}
		return RequestProbe.await(id);
	}

	private static void browser(int port, Map<String, String> pages, int rounds) throws Exception {
		Path script = Path.of("scripts/page-settle.js");
		if (!Files.isExecutable(Path.of("/usr/bin/chromium")) || !Files.exists(script)) {
			System.out.println("browser: skipped (needs /usr/bin/chromium and scripts/page-settle.js)");
			return;
		}
		List<String> command = new ArrayList<>(List.of("node", script.toString(), "http://127.0.0.1:" + port,
				"admin@localhost", BenchServer.PASSWORD, String.valueOf(rounds)));
		pages.forEach((route, path) -> {
			if (!FRAGMENTS.contains(route)) {
				command.add(path);
			}
		});
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment()
			.putIfAbsent("NODE_PATH", System.getenv().getOrDefault("PRIORA_NODE_PATH", "/work/tools/node_modules"));
		Process p = builder.start();
		try (var in = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
			in.lines().forEach(line -> System.out.println("chromium| " + line));
		}
		p.waitFor();
	}

	private static long at(long[] sorted, double q) {
		return sorted[Math.min(sorted.length - 1, (int) (q * sorted.length))];
	}

}
