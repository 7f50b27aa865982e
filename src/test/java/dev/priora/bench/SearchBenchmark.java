package dev.priora.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
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
		ConfigurableApplicationContext app = BenchServer.start(db);
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
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
		SearchService search = app.getBean(SearchService.class);
		long b0 = System.nanoTime();
		search.search(user, "warm", null, 12);
		System.out.printf(Locale.ROOT, "first search (builds the index from the database): %.1f s%n",
				(System.nanoTime() - b0) / 1e9);
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
		System.out.printf(Locale.ROOT, "load average: %s%n",
				java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip());
		app.close();
		System.exit(0);
	}

	private static void measure(String name, Supplier<String> queries, java.util.function.Consumer<String> call) {
		for (int i = 0; i < 300; i++) {
			call.accept(queries.get());
		}
		int runs = 2000;
		long[] nanos = new long[runs];
		for (int i = 0; i < runs; i++) {
			String s = queries.get();
			long start = System.nanoTime();
			call.accept(s);
			nanos[i] = System.nanoTime() - start;
		}
		Arrays.sort(nanos);
		System.out.printf(Locale.ROOT, "%-50s p50 %7.2f ms  p95 %7.2f ms  p99 %7.2f ms  (%d runs)%n", name,
				nanos[runs / 2] / 1e6, nanos[(int) (runs * 0.95)] / 1e6, nanos[(int) (runs * 0.99)] / 1e6, runs);
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
