package dev.priora.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import dev.priora.accounts.AccountService;
import dev.priora.backlog.ProductService;
import dev.priora.feedback.SentenceEmbedder;
import dev.priora.feedback.engine.VectorScan;
import dev.priora.support.ApiClient;

/**
 * The first similar-feedback request on a product with {@code n} feedback and {@code n}
 * items (issue 20, "Quality, measured"): the rows and their sentence vectors are written
 * in bulk by SQL (random unit vectors with the current model's name: the search's cost
 * does not depend on their values, and this measures the first request, not embedding),
 * then
 * <ol>
 * <li>the first request on a node that has no similarity index yet (it builds it from the
 * stored vectors),</li>
 * <li>the server stopped and started again on the same database and data folder, and the
 * first request after that restart (the index opened from the node's folder), then a
 * similar-to-text request (the query text is embedded: the sentence model loads).</li>
 * </ol>
 * Each line also says how many texts the server embedded meanwhile (none is expected for
 * the similar-feedback requests); the server's log lines of {@code FeedbackIndex} say
 * where a first request's time went (reading each table's vectors). Usage:
 * {@code scripts/bench-first-request.sh [h2|postgres] [n] [seconds to wait for the index]}
 * (without the wait, or when it runs out, the restart finds no index on disk and answers
 * from the stored vectors again).
 */
public final class FirstRequestBenchmark {

	private static final String KEY = "VEC";

	private static final int DIMENSIONS = 384;

	private FirstRequestBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String db = args.length > 0 ? args[0] : "h2";
		int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
		long waitSeconds = args.length > 2 ? Long.parseLong(args[2]) : 40 * 60;
		System.setProperty("logging.level.dev.priora.feedback.FeedbackIndex", "INFO");
		BenchServer.Store store = BenchServer.Store.fresh(db);
		ConfigurableApplicationContext app = BenchServer.start(store, false);
		long seedStart = System.nanoTime();
		long[] feedbackIds = seed(app, n);
		System.out.printf(Locale.ROOT, "database=%s, %d feedback and %d items with vectors written in %.1f s, %s%n", db,
				n, n, (System.nanoTime() - seedStart) / 1e9, BenchServer.load());
		first(app, "new node, no index on disk yet (answered by the scan while the index is built)", feedbackIds[0]);
		first(app, "second request on the new node", feedbackIds[1]);
		long buildStart = System.nanoTime();
		Path folder = store.dataDir().resolve("similarity").resolve(String.valueOf(productId(app)));
		while (!committed(folder) && System.nanoTime() - buildStart < waitSeconds * 1_000_000_000) {
			Thread.sleep(2000);
		}
		System.out.printf(Locale.ROOT, "index %s after %.0f s more, %s%n",
				committed(folder) ? "built and committed" : "NOT built yet", (System.nanoTime() - buildStart) / 1e9,
				BenchServer.load());
		app.close();
		app = BenchServer.start(store, false);
		first(app, committed(folder) ? "after a restart (index opened from the node's folder)"
				: "after a restart without an index on disk (the stored vectors answer)", feedbackIds[1]);
		first(app, "second request", feedbackIds[0]);
		ApiClient api = ApiClient.signIn(BenchServer.port(app), "admin@localhost", BenchServer.PASSWORD);
		SentenceEmbedder embedder = app.getBean(SentenceEmbedder.class);
		long embeddedBefore = embedder.embedded();
		long start = System.nanoTime();
		int status = api
			.post("/api/v1/products/" + KEY + "/similar?limit=10",
					"{\"title\":\"Checkout fails\",\"text\":\"The payment page hangs\"}")
			.status();
		System.out.printf(Locale.ROOT, "first similar-to-text request (embeds the query): %d in %.0f ms, %d embedded%n",
				status, (System.nanoTime() - start) / 1e6, embedder.embedded() - embeddedBefore);
		System.out.println(BenchServer.load());
		app.close();
		System.exit(0);
	}

	private static long productId(ConfigurableApplicationContext app) {
		return app.getBean(ProductService.class).get(KEY).id().value();
	}

	/** Whether the node's index folder holds a commit with the index's checkpoint. */
	private static boolean committed(Path folder) {
		try (var dir = FSDirectory.open(folder)) {
			return SegmentInfos.readLatestCommit(dir).getUserData().containsKey("product");
		}
		catch (Exception e) {
			return false;
		}
	}

	private static void first(ConfigurableApplicationContext app, String what, long feedbackId) {
		ApiClient api = ApiClient.signIn(BenchServer.port(app), "admin@localhost", BenchServer.PASSWORD);
		SentenceEmbedder embedder = app.getBean(SentenceEmbedder.class);
		long embeddedBefore = embedder.embedded();
		long start = System.nanoTime();
		var r = api.get("/api/v1/products/" + KEY + "/feedback/" + feedbackId + "/similar?limit=10");
		double ms = (System.nanoTime() - start) / 1e6;
		if (r.status() != 200 || r.json().size() != 10) {
			throw new IllegalStateException(r.status() + " " + r.text());
		}
		System.out.printf(Locale.ROOT, "%s: %.0f ms, %d texts embedded, %s%n", what, ms,
				embedder.embedded() - embeddedBefore, BenchServer.load());
	}

	/** Fills the product; answers the first and a middle feedback id. */
	private static long[] seed(ConfigurableApplicationContext app, int n) throws Exception {
		var admin = app.getBean(AccountService.class).findByEmail("admin@localhost").orElseThrow().id();
		var product = app.getBean(ProductService.class).create(KEY, "Vectors", "", admin);
		JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
		new BacklogSeeder(jdbc).seed(product.id().value(), admin.value(), n, 61);
		Random random = new Random(61);
		Timestamp now = Timestamp.from(Instant.now());
		List<Object[]> rows = new ArrayList<>();
		for (Map<String, Object> item : jdbc
			.queryForList("select id, title, description from items where product_id = ?", product.id().value())) {
			rows.add(new Object[] { item.get("id"), product.id().value(),
					hash((String) item.get("title"), (String) item.get("description")), vector(random), now,
					SentenceEmbedder.MODEL });
			if (rows.size() == 2000) {
				jdbc.batchUpdate(
						"""
								insert into item_vectors (item_id, product_id, text_hash, embedding, embedded_at, embedding_model)
								values (?, ?, ?, ?, ?, ?)""",
						rows);
				rows.clear();
			}
		}
		jdbc.batchUpdate("""
				insert into item_vectors (item_id, product_id, text_hash, embedding, embedded_at, embedding_model)
				values (?, ?, ?, ?, ?, ?)""", rows);
		rows.clear();
		String[] words = { "checkout", "search", "export", "login", "invoice", "report", "slow", "crash", "filter",
				"mobile", "dark", "mode", "payment", "email", "calendar", "sync", "import", "share", "print", "tag" };
		for (int i = 0; i < n; i++) {
			String title = words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)] + " "
					+ (i + 1);
			String body = "Customer " + (i % 997) + " writes about " + words[random.nextInt(words.length)] + " and "
					+ words[random.nextInt(words.length)] + " in message " + (i + 1) + ".";
			rows.add(new Object[] { KEY, title, body, vector(random), SentenceEmbedder.MODEL, now, now, now });
			if (rows.size() == 2000 || i == n - 1) {
				jdbc.batchUpdate("""
						insert into feedback (product_key, title, body, channel, received_at, status, embedding,
						  embedding_model, kind, kind_confidence, kind_source, sentiment, created_at, updated_at)
						values (?, ?, ?, 'API', ?, 'NEW', ?, ?, 'OTHER', 0.5, 'predicted', 'NEUTRAL', ?, ?)""",
						rows.stream()
							.map(r -> new Object[] { r[0], r[1], r[2], r[5], r[3], r[4], r[6], r[7] })
							.toList());
				rows.clear();
			}
		}
		codes(jdbc, product.id().value());
		List<Long> ids = jdbc.queryForList("select id from feedback where product_key = ? order by id", Long.class,
				KEY);
		return new long[] { ids.get(0), ids.get(ids.size() / 2) };
	}

	/**
	 * The vectors' codes, as the server writes them with every vector
	 * ({@code feedback_vector_codes}, {@code item_vector_codes}).
	 */
	private static void codes(JdbcTemplate jdbc, long productId) {
		List<Object[]> rows = new ArrayList<>();
		jdbc.query("select id, embedding from feedback where product_key = ?", (RowCallbackHandler) rs -> rows
			.add(new Object[] { rs.getLong(1), KEY, SentenceEmbedder.MODEL, VectorScan.codes(floats(rs.getBytes(2))) }),
				KEY);
		insert(jdbc, "insert into feedback_vector_codes (feedback_id, product_key, embedding_model, codes)"
				+ " values (?, ?, ?, ?)", rows);
		jdbc.query("select item_id, embedding from item_vectors where product_id = ?",
				(RowCallbackHandler) rs -> rows.add(new Object[] { rs.getLong(1), productId, SentenceEmbedder.MODEL,
						VectorScan.codes(floats(rs.getBytes(2))) }),
				productId);
		insert(jdbc, "insert into item_vector_codes (item_id, product_id, embedding_model, codes) values (?, ?, ?, ?)",
				rows);
	}

	/** Inserts the rows in batches of 2,000 and clears them. */
	private static void insert(JdbcTemplate jdbc, String sql, List<Object[]> rows) {
		for (int from = 0; from < rows.size(); from += 2000) {
			jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + 2000)));
		}
		rows.clear();
	}

	private static float[] floats(byte[] bytes) {
		float[] v = new float[bytes.length / 4];
		ByteBuffer.wrap(bytes).asFloatBuffer().get(v);
		return v;
	}

	private static byte[] vector(Random random) {
		float[] v = new float[DIMENSIONS];
		double norm = 0;
		for (int i = 0; i < v.length; i++) {
			v[i] = (float) random.nextGaussian();
			norm += v[i] * v[i];
		}
		ByteBuffer buffer = ByteBuffer.allocate(DIMENSIONS * 4);
		for (float x : v) {
			buffer.putFloat((float) (x / Math.sqrt(norm)));
		}
		return buffer.array();
	}

	/** As {@code feedback.ItemVectorRepository.hash}: SHA-256 of title, NUL, text. */
	private static String hash(String title, String text) throws Exception {
		MessageDigest sha = MessageDigest.getInstance("SHA-256");
		sha.update((title == null ? "" : title).getBytes(StandardCharsets.UTF_8));
		sha.update((byte) 0);
		sha.update((text == null ? "" : text).getBytes(StandardCharsets.UTF_8));
		return java.util.HexFormat.of().formatHex(sha.digest());
	}

}
