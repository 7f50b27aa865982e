package dev.priora.bench;

import java.io.FileReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.priora.accounts.AccountService;
import dev.priora.accounts.UserId;
import dev.priora.backlog.ProductService;
import dev.priora.feedback.SentenceEmbedder;
import dev.priora.insights.Themes;
import dev.priora.insights.engine.ThemeClustering;
import dev.priora.jobs.Jobs;
import dev.priora.support.BrowserlessSession;
import dev.priora.support.RequestProbe;

/**
 * The themes benchmarks of docs/BENCHMARKS.md ("Themes"). {@code duplicates [csv]}: the
 * Redmine feature requests of {@code /work/shared/data/duplicates}, embedded with the
 * real MiniLM model and clustered as a recompute does (at most 10 % per theme); reports
 * the share of known duplicate pairs (both requests in the file) that land in the same
 * theme, against what themes of the same sizes would give by chance, and the largest
 * theme's share. {@code scale h2|postgres [n]}: a real server with one product of
 * {@code n} feedback (default 100,000; synthetic texts from 300 topics, vectors around
 * 300 topic centres, 2,000 customers in 5 segments, received over 180 days), a recompute
 * through the job (wall time), then the Insights page server side (p50/p99).
 */
public final class ThemesBenchmark {

	private static final Pattern DUPLICATE = Pattern.compile("duplicate of #(\\d+)", Pattern.CASE_INSENSITIVE);

	private ThemesBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String mode = args.length > 0 ? args[0] : "duplicates";
		if (mode.equals("duplicates")) {
			duplicates(args.length > 1 ? args[1] : "/work/shared/data/duplicates/redmine-feature-requests.csv");
		}
		else {
			scale(args.length > 1 ? args[1] : "h2", args.length > 2 ? Integer.parseInt(args[2]) : 100_000,
					args.length > 3 ? Integer.parseInt(args[3]) : 200);
		}
		System.exit(0);
	}

	static void duplicates(String file) throws Exception {
		List<CSVRecord> rows;
		try (Reader in = new FileReader(file, StandardCharsets.UTF_8)) {
			rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
		}
		SentenceEmbedder embedder = new SentenceEmbedder();
		Map<String, Integer> index = new HashMap<>();
		float[][] vectors = new float[rows.size()][];
		long t0 = System.nanoTime();
		for (int i = 0; i < rows.size(); i++) {
			index.put(rows.get(i).get("id"), i);
			vectors[i] = embedder.embed(rows.get(i).get("subject"), rows.get(i).get("description"));
		}
		double embedSeconds = (System.nanoTime() - t0) / 1e9;
		long c0 = System.nanoTime();
		var result = ThemeClustering.cluster(new ThemeClustering.Input(vectors, 0.10, 31L * rows.size()));
		double clusterSeconds = (System.nanoTime() - c0) / 1e9;
		int pairs = 0;
		int together = 0;
		for (int i = 0; i < rows.size(); i++) {
			Matcher m = DUPLICATE.matcher(rows.get(i).get("related issues"));
			while (m.find()) {
				Integer j = index.get(m.group(1));
				if (j != null && j != i) {
					pairs++;
					together += result.assignment()[i] == result.assignment()[j] ? 1 : 0;
				}
			}
		}
		int[] sizes = new int[result.themes()];
		for (int a : result.assignment()) {
			sizes[a]++;
		}
		double chance = 0;
		int largest = 0;
		for (int s : sizes) {
			chance += (double) s * (s - 1) / ((double) rows.size() * (rows.size() - 1));
			largest = Math.max(largest, s);
		}
		System.out.printf(Locale.ROOT,
				"requests=%d themes=%d silhouette=%.3f largest theme=%d (%.1f %%)%nduplicate pairs=%d in the same theme=%d"
						+ " (%.1f %%; themes of these sizes by chance: %.1f %%)%nembedding %.1f s, clustering %.2f s%n",
				rows.size(), result.themes(), result.silhouette(), largest, 100.0 * largest / rows.size(), pairs,
				together, 100.0 * together / Math.max(1, pairs), 100 * chance, embedSeconds, clusterSeconds);
	}

	static void scale(String db, int n, int runs) throws Exception {
		ConfigurableApplicationContext app = BenchServer.start(BenchServer.Store.fresh(db), false, RequestProbe.class);
		int port = BenchServer.port(app);
		UserId admin = app.getBean(AccountService.class).findByEmail("admin@localhost").orElseThrow().id();
		app.getBean(ProductService.class).create("BENCH", "Benchmark", "", admin);
		JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
		long t0 = System.nanoTime();
		seed(jdbc, admin.value(), n);
		System.out.printf(Locale.ROOT, "database=%s feedback=%d seeded in %.1f s, %s%n", db, n,
				(System.nanoTime() - t0) / 1e9, BenchServer.load());
		Themes themes = app.getBean(Themes.class);
		Jobs jobs = app.getBean(Jobs.class);
		long r0 = System.nanoTime();
		String id = themes.recompute("BENCH", admin).id();
		while (!jobs.find("themes-recompute", "BENCH", id).orElseThrow().state().finished()) {
			Thread.sleep(500);
		}
		var job = jobs.find("themes-recompute", "BENCH", id).orElseThrow();
		System.out.printf(Locale.ROOT, "recompute (job, %s): %.1f s, result %s%n", job.state(),
				(System.nanoTime() - r0) / 1e9, job.result());
		BrowserlessSession session = BrowserlessSession.signIn(port, "admin@localhost", BenchServer.PASSWORD);
		LargePagesBenchmark.measure(session, "insights page", runs, () -> "/p/BENCH/insights");
		LargePagesBenchmark.measure(session, "themes list", runs, () -> "/p/BENCH/insights/themes");
		System.out.println("after, " + BenchServer.load());
		app.close();
	}

	private static void seed(JdbcTemplate jdbc, long admin, int n) {
		Random random = new Random(5);
		String[] segments = { "Enterprise", "Mid-market", "SMB", "Education", "" };
		for (int c = 0; c < 2000; c++) {
			jdbc.update("""
					insert into customers (product_key, name, name_key, segment, revenue_amount, revenue_currency,
					created_at, created_by, updated_at, updated_by) values ('BENCH', ?, ?, ?, ?, 'EUR',
					current_timestamp, ?, current_timestamp, ?)""", "Customer " + c, "customer " + c, segments[c % 5],
					1000 + random.nextInt(100_000), admin, admin);
		}
		List<Long> customers = jdbc.queryForList("select id from customers where product_key = 'BENCH'", Long.class);
		int topics = 300;
		float[][] centres = new float[topics][];
		for (int t = 0; t < topics; t++) {
			centres[t] = unit(random, null, 0);
		}
		String[] words = ("export import csv excel report invoice payment card wallet search filter sort order checkout"
				+ " cart shipping label return refund account login password email notification mobile dark theme"
				+ " calendar dashboard chart webhook integration slack jira github permission role admin audit backup"
				+ " speed slow error crash")
			.split(" ");
		String[] kinds = { "BUG", "FEATURE_REQUEST", "QUESTION", "PRAISE", "COMPLAINT", "OTHER" };
		Instant now = Instant.now();
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			int t = random.nextInt(topics);
			String title = words[t % words.length] + " " + words[(t * 7) % words.length] + " "
					+ words[(t * 13) % words.length];
			String body = title + " " + words[random.nextInt(words.length)] + " please";
			Timestamp at = Timestamp.from(now.minus(Duration.ofMinutes(random.nextInt(180 * 24 * 60))));
			rows.add(new Object[] { title, body, customers.get(random.nextInt(customers.size())), at,
					bytes(unit(random, centres[t], 0.6)), kinds[random.nextInt(kinds.length)], at, at });
			if (rows.size() == 5000 || i == n - 1) {
				jdbc.batchUpdate(
						"""
								insert into feedback (product_key, title, body, customer_id, channel, received_at, status, embedding,
								kind, kind_confidence, kind_source, sentiment, created_at, updated_at)
								values ('BENCH', ?, ?, ?, 'CSV', ?, 'NEW', ?, ?, 0.9, 'predicted', 'NEUTRAL', ?, ?)""",
						rows);
				rows.clear();
			}
		}
	}

	private static float[] unit(Random random, float[] centre, double spread) {
		float[] v = new float[384];
		double norm = 0;
		for (int d = 0; d < v.length; d++) {
			v[d] = (float) ((centre == null ? 0 : centre[d] * 20)
					+ (centre == null ? 1 : spread) * random.nextGaussian());
			norm += v[d] * v[d];
		}
		for (int d = 0; d < v.length; d++) {
			v[d] /= (float) Math.sqrt(norm);
		}
		return v;
	}

	private static byte[] bytes(float[] vector) {
		ByteBuffer buffer = ByteBuffer.allocate(vector.length * 4);
		buffer.asFloatBuffer().put(vector);
		return buffer.array();
	}

}
