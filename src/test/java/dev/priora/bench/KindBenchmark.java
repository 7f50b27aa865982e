package dev.priora.bench;

import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.priora.accounts.AccountService;
import dev.priora.accounts.UserId;
import dev.priora.backlog.ProductService;
import dev.priora.feedback.SentenceEmbedder;
import dev.priora.feedback.engine.Confusion;
import dev.priora.feedback.engine.HeldOutCheck;
import dev.priora.feedback.engine.KindPrototypes;
import dev.priora.feedback.engine.LinearKindModel;
import dev.priora.feedback.engine.SettingsSearch;
import dev.priora.feedback.engine.PrototypeClassifier;
import dev.priora.support.ApiClient;
import dev.priora.support.Eventually;
import tools.jackson.databind.JsonNode;

/**
 * Feedback kinds on the NLBSE'24 issue-classification data
 * ({@code ../shared/data/feedback/nlbse24}, bug / feature / question, 300 issues per
 * repository and split). Per repository, as a team would: a product, its train split
 * posted through the API as feedback with the kind set by hand, the product's model
 * learned in the background, then the test split posted through the API and the kind each
 * got on arrival compared with its label (precision, recall, F1 per class, macro F1).
 * Then, on the stored sentence vectors: 10 and 30 labels per kind (5 random draws each),
 * and the time to classify a new feedback. Usage:
 * {@code scripts/bench-kinds.sh [h2|postgres] [data folder] [--tune]} ({@code --tune}
 * also cross-validates a grid of settings on the train splits).
 */
public final class KindBenchmark {

	private static final Map<String, String> KINDS = Map.of("bug", "BUG", "feature", "FEATURE_REQUEST", "question",
			"QUESTION");

	private static final List<String> ORDER = List.of("BUG", "FEATURE_REQUEST", "QUESTION", "PRAISE", "COMPLAINT",
			"OTHER");

	record Issue(String repo, String label, String title, String body) {

		String text() {
			String b = (body.isBlank() ? title : body).replaceAll("[\\p{Cc}&&[^\\n\\t]]", " ");
			return b.length() > 20_000 ? b.substring(0, 20_000) : b;
		}

		String shortTitle() {
			String t = title.replaceAll("\\p{Cc}", " ");
			return t.length() > 300 ? t.substring(0, 300) : t;
		}

	}

	/** A stored feedback of the benchmark: its vector, text and label. */
	record Stored(long id, String kind, float[] vector, String text) {
	}

	private final ApiClient api;

	private final JdbcClient jdbc;

	private final SentenceEmbedder embedder;

	private final PrototypeClassifier general;

	private final boolean tune;

	private final Map<LinearKindModel.Settings, double[]> grid = new LinkedHashMap<>();

	/**
	 * Sums over repositories: test macro F1 through the API, general model, 10 and 30
	 * labels (product, in use).
	 */
	private final double[] sums = new double[6];

	private KindBenchmark(ConfigurableApplicationContext app, boolean tune) {
		this.api = ApiClient.signIn(BenchServer.port(app), "admin@localhost", BenchServer.PASSWORD);
		this.jdbc = app.getBean(JdbcClient.class);
		this.embedder = app.getBean(SentenceEmbedder.class);
		this.general = PrototypeClassifier.of(KindPrototypes.KINDS, t -> embedder.embed("", t),
				KindPrototypes.TEMPERATURE);
		this.tune = tune;
	}

	public static void main(String[] args) throws Exception {
		String db = args.length > 0 ? args[0] : "h2";
		Path folder = Path
			.of(args.length > 1 && !args[1].startsWith("--") ? args[1] : "../shared/data/feedback/nlbse24");
		Map<String, List<Issue>> train = read(folder.resolve("issues_train.csv"));
		Map<String, List<Issue>> test = read(folder.resolve("issues_test.csv"));
		ConfigurableApplicationContext app = BenchServer.start(db);
		UserId admin = app.getBean(AccountService.class).findByEmail("admin@localhost").orElseThrow().id();
		KindBenchmark bench = new KindBenchmark(app, List.of(args).contains("--tune"));
		System.out.println("database=" + db + ", " + BenchServer.load());
		int r = 0;
		for (String repo : train.keySet()) {
			String key = "NLB" + (++r);
			app.getBean(ProductService.class).create(key, repo, "", admin);
			bench.repository(key, repo, train.get(repo), test.get(repo), r == 1);
		}
		bench.summary(train.size());
		System.out.println(BenchServer.load());
		app.close();
		System.exit(0);
	}

	private void repository(String key, String repo, List<Issue> train, List<Issue> test, boolean first) {
		long start = System.nanoTime();
		for (Issue i : train) {
			long id = post(api, key, i);
			JsonNode set = setKind(key, id, KINDS.get(i.label()));
			if (!set.has("kind")) {
				throw new IllegalStateException(set.toString());
			}
		}
		JsonNode model = Eventually.within(Duration.ofMinutes(10))
			.until(() -> api.get("/api/v1/products/" + key + "/feedback-kinds/model").json(),
					m -> m.get("labels").asInt() == train.size());
		double trained = (System.nanoTime() - start) / 1e9;
		List<String> truth = new ArrayList<>();
		List<String> predicted = new ArrayList<>();
		for (Issue i : test) {
			long id = post(api, key, i);
			truth.add(KINDS.get(i.label()));
			predicted.add(api.get("/api/v1/products/" + key + "/feedback/" + id).json().get("kind").asText());
		}
		List<Stored> trainSet = stored(jdbc, key, "set");
		List<Stored> testSet = stored(jdbc, key, "predicted");
		Confusion c = Confusion.of(truth, predicted, ORDER);
		Confusion g = Confusion.of(truth, testSet.stream().map(s -> general.predict(s.vector()).label()).toList(),
				ORDER);
		System.out.printf(Locale.ROOT,
				"%n%s: model in use %s (held-out macro F1 %.3f, general %.3f), %d labels posted and learned in %.0f s%n",
				repo, model.get("inUse").asText(), model.get("productMacroF1").asDouble(),
				model.get("generalMacroF1").asDouble(), train.size(), trained);
		System.out.println(
				"  settings the product chose: " + jdbc.sql("select settings from kind_models where product_key = ?")
					.param(key)
					.query(String.class)
					.optional()
					.orElse("none"));
		report(c);
		System.out.printf(Locale.ROOT, "  general model alone on the test split: macro F1 %.3f%n", g.macroF1());
		sums[0] += c.macroF1();
		sums[1] += g.macroF1();
		int slot = 2;
		for (int k : new int[] { 10, 30 }) {
			double[] f = fewLabels(trainSet, testSet, truth, g, k);
			sums[slot++] += f[0];
			sums[slot++] += f[1];
			System.out.printf(Locale.ROOT,
					"  %d labels per kind (5 draws): product model %.3f, in use (product when it wins) %.3f%n", k, f[0],
					f[1]);
		}
		if (first) {
			speed(trainSet, testSet, test);
		}
		if (tune) {
			tune(trainSet, testSet, truth);
		}
	}

	private void summary(int n) {
		grid.forEach((settings, sum) -> System.out.printf(Locale.ROOT,
				"tune: %s held-out macro F1 on the train splits %.3f, on the test splits %.3f%n", settings, sum[0] / n,
				sum[1] / n));
		System.out.printf(Locale.ROOT, "%nAverage macro F1 over %d repositories: product model %.3f (baseline 0.753),"
				+ " general model %.3f%n", n, sums[0] / n, sums[1] / n);
		System.out.printf(Locale.ROOT, "Average with 10 labels per kind: product model %.3f, in use %.3f%n",
				sums[2] / n, sums[3] / n);
		System.out.printf(Locale.ROOT, "Average with 30 labels per kind: product model %.3f, in use %.3f%n",
				sums[4] / n, sums[5] / n);
	}

	/**
	 * Sets the kind, again after a 409: on H2 a row the background check is re-predicting
	 * at that moment can refuse the update (see docs/BENCHMARKS.md).
	 */
	private JsonNode setKind(String key, long id, String kind) {
		JsonNode answer = null;
		for (int attempt = 0; attempt < 5; attempt++) {
			var r = api.put("/api/v1/products/" + key + "/feedback/" + id + "/kind", "{\"kind\":\"" + kind + "\"}",
					null);
			answer = r.json();
			if (r.status() != 409) {
				return answer;
			}
		}
		return answer;
	}

	private static long post(ApiClient api, String key, Issue i) {
		JsonNode f = null;
		// again after a 409: on H2 under load the background check can hold the rows it
		// re-predicts (see docs/BENCHMARKS.md)
		for (int attempt = 0; attempt < 5 && (f == null || !f.has("id")); attempt++) {
			f = api
				.post("/api/v1/products/" + key + "/feedback",
						"{\"title\":" + ApiClient.json(i.shortTitle()) + ",\"text\":" + ApiClient.json(i.text()) + "}")
				.json();
		}
		if (!f.has("id")) {
			throw new IllegalStateException(f.toString());
		}
		return f.get("id").asLong();
	}

	private static void report(Confusion c) {
		System.out.printf(Locale.ROOT, "  %-16s %9s %9s %9s%n", "class", "precision", "recall", "F1");
		for (int i = 0; i < c.classes().size(); i++) {
			System.out.printf(Locale.ROOT, "  %-16s %9.3f %9.3f %9.3f%n", c.classes().get(i), c.precision(i),
					c.recall(i), c.f1(i));
		}
		System.out.printf(Locale.ROOT, "  macro F1 %.3f, accuracy %.3f%n", c.macroF1(), c.accuracy());
	}

	/**
	 * Mean over 5 draws of k labels per kind: the product model's test macro F1, and that
	 * of the model the product would use (product's when it wins the held-out check).
	 */
	private double[] fewLabels(List<Stored> train, List<Stored> test, List<String> truth, Confusion generalOnTest,
			int k) {
		double product = 0;
		double inUse = 0;
		for (int seed = 1; seed <= 5; seed++) {
			List<Stored> shuffled = new ArrayList<>(train);
			java.util.Collections.shuffle(shuffled, new Random(seed));
			Map<String, Integer> taken = new LinkedHashMap<>();
			List<LinearKindModel.Example> examples = new ArrayList<>();
			for (Stored s : shuffled) {
				if (taken.merge(s.kind(), 1, Integer::sum) <= k) {
					examples.add(new LinearKindModel.Example(s.kind(), s.vector(), s.text()));
				}
			}
			// as the product does: settings chosen by cross-validation on these labels
			var settings = SettingsSearch.choose(examples, 5, 20, ORDER).settings();
			LinearKindModel model = LinearKindModel.train(examples, settings);
			Confusion c = Confusion.of(truth,
					test.stream().map(s -> model.predict(s.vector(), s.text()).label()).toList(), ORDER);
			product += c.macroF1();
			List<String> generalOnLabels = examples.stream().map(e -> general.predict(e.vector()).label()).toList();
			boolean wins = HeldOutCheck.run(examples, generalOnLabels, settings, 5, 21, ORDER).productWins();
			inUse += wins ? c.macroF1() : generalOnTest.macroF1();
		}
		return new double[] { product / 5, inUse / 5 };
	}

	/**
	 * Adds each setting's cross-validated macro F1 on the train split (to choose by) and
	 * its macro F1 on the test split (trained on the whole train split).
	 */
	private void tune(List<Stored> train, List<Stored> test, List<String> truth) {
		List<LinearKindModel.Example> examples = train.stream()
			.map(s -> new LinearKindModel.Example(s.kind(), s.vector(), s.text()))
			.toList();
		List<String> none = examples.stream().map(e -> "OTHER").toList();
		List<LinearKindModel.Settings> candidates = new ArrayList<>(LinearKindModel.Settings.GRID);
		candidates.add(new LinearKindModel.Settings(10, 0, 1.0, 0)); // the baseline's bag
																		// of words alone
		for (var settings : candidates) {
			double cv = HeldOutCheck.run(examples, none, settings, 5, 20, ORDER).product().macroF1();
			LinearKindModel model = LinearKindModel.train(examples, settings);
			double onTest = Confusion
				.of(truth, test.stream().map(s -> model.predict(s.vector(), s.text()).label()).toList(), ORDER)
				.macroF1();
			double[] sum = grid.computeIfAbsent(settings, k -> new double[2]);
			sum[0] += cv;
			sum[1] += onTest;
		}
	}

	private void speed(List<Stored> train, List<Stored> test, List<Issue> issues) {
		var examples = train.stream().map(s -> new LinearKindModel.Example(s.kind(), s.vector(), s.text())).toList();
		LinearKindModel model = LinearKindModel.train(examples,
				SettingsSearch.choose(examples, 5, 20, ORDER).settings());
		System.out.println("  settings chosen on the train split: " + model.settings().format());
		long[] classify = new long[test.size()];
		for (int i = 0; i < test.size(); i++) {
			long t = System.nanoTime();
			model.predict(test.get(i).vector(), test.get(i).text());
			classify[i] = System.nanoTime() - t;
		}
		long[] withEmbedding = new long[100];
		for (int i = 0; i < withEmbedding.length; i++) {
			Issue issue = issues.get(i);
			long t = System.nanoTime();
			float[] v = embedder.embed(issue.shortTitle(), issue.text());
			model.predict(v, issue.shortTitle() + "\n" + issue.text());
			withEmbedding[i] = System.nanoTime() - t;
		}
		Arrays.sort(classify);
		Arrays.sort(withEmbedding);
		System.out.printf(Locale.ROOT,
				"  speed: classifying a stored vector median %.2f ms, p95 %.2f ms; embedding and classifying a new issue"
						+ " median %.1f ms, p95 %.1f ms%n",
				classify[classify.length / 2] / 1e6, classify[classify.length * 95 / 100] / 1e6,
				withEmbedding[50] / 1e6, withEmbedding[95] / 1e6);
	}

	private static List<Stored> stored(JdbcClient jdbc, String key, String source) {
		return jdbc
			.sql("select id, kind, title, body, embedding from feedback where product_key = ? and kind_source = ?"
					+ " order by id")
			.params(key, source)
			.query((rs, n) -> new Stored(rs.getLong(1), rs.getString(2), floats(rs.getBytes(5)),
					(rs.getString(3).isBlank() ? "" : rs.getString(3) + "\n") + rs.getString(4)))
			.list();
	}

	private static float[] floats(byte[] bytes) {
		float[] v = new float[bytes.length / 4];
		ByteBuffer.wrap(bytes).asFloatBuffer().get(v);
		return v;
	}

	static Map<String, List<Issue>> read(Path file) throws Exception {
		Map<String, List<Issue>> byRepo = new LinkedHashMap<>();
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
				byRepo.computeIfAbsent(rec.get("repo"), k -> new ArrayList<>())
					.add(new Issue(rec.get("repo"), rec.get("label"), rec.get("title").strip(), rec.get("body")));
			}
		}
		return byRepo;
	}

}
