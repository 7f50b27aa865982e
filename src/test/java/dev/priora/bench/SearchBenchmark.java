package dev.priora.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import dev.priora.accounts.AccountService;
import dev.priora.accounts.SignedInUser;
import dev.priora.accounts.UserId;
import dev.priora.backlog.ProductService;
import dev.priora.search.SearchService;
import dev.priora.support.ApiClient;

/**
 * The palette search benchmark of docs/BENCHMARKS.md: a real Priora server over H2 (file)
 * or PostgreSQL with 100,000 items ({@link BacklogSeeder}, then titles and descriptions
 * rewritten from a Zipf-distributed 2,000-word vocabulary so that words are shared the
 * way real backlogs share them), and the server-side time of {@link SearchService#search}
 * — index sync with the database, Lucene query, reading the found rows, highlighting —
 * for what people type into the palette: a word being typed (3–5 letters), two words,
 * three words with the last one unfinished, an item key. Arguments:
 * {@code h2|postgres [items]}.
 */
public final class SearchBenchmark {

	private SearchBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String db = args.length > 0 ? args[0] : "h2";
		int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
		BenchServer.Store store = BenchServer.Store.fresh(db);
		ConfigurableApplicationContext app = BenchServer.start(store, false);
		UserId admin = app.getBean(AccountService.class).findByEmail("admin@localhost").orElseThrow().id();
		var product = app.getBean(ProductService.class).create("BENCH", "Benchmark", "", admin);
		JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
		long t0 = System.nanoTime();
		new BacklogSeeder(jdbc).seed(product.id().value(), admin.value(), n, 7);
		String[] vocabulary = vocabulary(2000, new Random(5));
		Random random = new Random(9);
		List<Object[]> texts = new ArrayList<>();
		for (long i = 1; i <= n; i++) {
			texts.add(new Object[] { sentence(vocabulary, random, 3 + random.nextInt(6)),
					sentence(vocabulary, random, random.nextInt(60)), product.id().value(), i });
			if (texts.size() == 5000 || i == n) {
				jdbc.batchUpdate("update items set title = ?, description = ? where product_id = ? and item_number = ?",
						texts);
				texts.clear();
			}
		}
		System.out.printf(Locale.ROOT, "database=%s items=%d seeded in %.1f s%n", db, n,
				(System.nanoTime() - t0) / 1e9);
		SignedInUser user = (SignedInUser) app.getBean(UserDetailsService.class).loadUserByUsername("admin@localhost");
		Random q0 = new Random(11);
		buildWhileSearching("a running node sees " + n + " items added at once", app, user, vocabulary, q0);
		app.close();
		long s0 = System.nanoTime();
		app = BenchServer.start(store, false);
		System.out.printf(Locale.ROOT, "server restarted in %.1f s%n", (System.nanoTime() - s0) / 1e9);
		buildWhileSearching("the server's start-up build", app, user, vocabulary, q0);
		int port = BenchServer.port(app);
		SearchService search = app.getBean(SearchService.class);
		Random q = new Random(13);
		measure("word being typed (3-5 letters)", () -> {
			String w = word(vocabulary, q);
			return w.substring(0, Math.min(w.length(), 3 + q.nextInt(3)));
		}, s -> search.search(user, s, null, 12));
		measure("two words", () -> word(vocabulary, q) + " " + word(vocabulary, q),
				s -> search.search(user, s, null, 12));
		measure("three words, the last unfinished", () -> {
			String last = word(vocabulary, q);
			return word(vocabulary, q) + " " + word(vocabulary, q) + " "
					+ last.substring(0, Math.min(last.length(), 2));
		}, s -> search.search(user, s, null, 12));
		measure("item key", () -> "BENCH-" + (1 + q.nextInt(n)), s -> search.search(user, s, null, 12));
		ApiClient api = ApiClient.signIn(port, "admin@localhost", BenchServer.PASSWORD);
		measure("two words over HTTP (/api/v1/search, one client)",
				() -> word(vocabulary, q) + " " + word(vocabulary, q),
				s -> api.get("/api/v1/search?limit=12&q=" + URLEncoder.encode(s, StandardCharsets.UTF_8)));
		System.out.printf(Locale.ROOT, "%s%n", BenchServer.load());
		app.close();
		System.exit(0);
	}

	/**
	 * Searches (two words, one at a time) while the index is being built, until it is
	 * built: how long the build took, and what a search meanwhile costs.
	 */
	private static void buildWhileSearching(String name, ConfigurableApplicationContext app, SignedInUser user,
			String[] vocabulary, Random q) {
		SearchService search = app.getBean(SearchService.class);
		long start = System.nanoTime();
		List<Long> nanos = new ArrayList<>();
		int found = 0;
		while (true) {
			String s = word(vocabulary, q) + " " + word(vocabulary, q);
			long t = System.nanoTime();
			SearchService.Answer a = search.search(user, s, null, 12);
			if (!a.indexBuilding()) {
				break;
			}
			nanos.add(System.nanoTime() - t);
			found += a.items().size();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
		System.out.printf(Locale.ROOT,
				"%s: index ready %.1f s after the first search; %d searches meanwhile "
						+ "(what is indexed so far, %.1f results each)%s; %s%n",
				name, seconds, sorted.length, sorted.length == 0 ? 0.0 : (double) found / sorted.length,
				sorted.length == 0 ? ""
						: String.format(Locale.ROOT, ", p50 %.2f ms, p95 %.2f ms, max %.2f ms",
								sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.95)] / 1e6,
								sorted[sorted.length - 1] / 1e6),
				BenchServer.load());
	}

	private static void measure(String name, Supplier<String> queries, java.util.function.Consumer<String> call) {
		for (int i = 0; i < 300; i++) {
			call.accept(queries.get());
		}
		int runs = 2000;
		long[] nanos = new long[runs];
		long[] cpu = new long[runs];
		var threads = java.lang.management.ManagementFactory.getThreadMXBean();
		for (int i = 0; i < runs; i++) {
			String s = queries.get();
			long start = System.nanoTime();
			long cpuStart = threads.getCurrentThreadCpuTime();
			call.accept(s);
			cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
			nanos[i] = System.nanoTime() - start;
		}
		Arrays.sort(nanos);
		Arrays.sort(cpu);
		System.out.printf(Locale.ROOT,
				"%-50s p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms  (%d runs; this thread's CPU p50 %.2f, p95 %.2f ms)%n",
				name, nanos[runs / 2] / 1e6, nanos[(int) (runs * 0.95)] / 1e6, nanos[(int) (runs * 0.99)] / 1e6, runs,
				cpu[runs / 2] / 1e6, cpu[(int) (runs * 0.95)] / 1e6);
	}

	private static String[] vocabulary(int size, Random random) {
		String[] words = new String[size];
		String letters = "abcdefghijklmnopqrstuvwxyz";
		for (int i = 0; i < size; i++) {
			StringBuilder w = new StringBuilder();
			int length = 4 + random.nextInt(6);
			for (int c = 0; c < length; c++) {
				w.append(letters.charAt(random.nextInt(letters.length())));
			}
			words[i] = w.toString();
		}
		return words;
	}

	/** A word with Zipf-like frequency: rank r drawn with probability about 1/r. */
	private static String word(String[] vocabulary, Random random) {
		double u = random.nextDouble();
		int rank = (int) Math.floor(Math.pow(vocabulary.length + 1, u)) - 1;
		return vocabulary[Math.max(0, Math.min(vocabulary.length - 1, rank))];
	}

	private static String sentence(String[] vocabulary, Random random, int words) {
		StringBuilder s = new StringBuilder();
		for (int i = 0; i < words; i++) {
			s.append(i == 0 ? "" : " ").append(word(vocabulary, random));
		}
		return s.toString();
	}

}
