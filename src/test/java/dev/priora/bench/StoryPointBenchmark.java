package dev.priora.bench;

import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.context.ConfigurableApplicationContext;

import dev.priora.support.ApiClient;
import tools.jackson.databind.JsonNode;

/**
 * The suggested-estimate benchmark of docs/BENCHMARKS.md, on the Deep-SE / GPT2SP story
 * points of Atlassian's JIRA Software project ({@code ../shared/data/storypoints}, read
 * its README; skipped when absent): a real server (H2 or PostgreSQL) gets the train and
 * validation rows as finished items of one product through the API (scale: their distinct
 * points; suggestions switched on), waits for their sentence vectors, and asks
 * {@code POST …/estimate-suggestion} for each test row. Reports MAE and MdAE against the
 * median of the train and validation rows, the product's own leave-one-out accuracy, and
 * the answer time. {@code --tune} first compares the engine's parameters in-process by
 * leave-one-out on the train and validation rows only ({@link StoryPointTuning}).
 * Arguments: {@code [csv] [h2|postgres] [--tune | --tune-only]}.
 */
public final class StoryPointBenchmark {

	/** One issue of the file. */
	record Row(String key, String title, String description, BigDecimal points, String split) {

		boolean training() {
			return !"test".equals(split);
		}

	}

	private StoryPointBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		List<String> options = Arrays.asList(args);
		List<String> positional = options.stream().filter(a -> !a.startsWith("--")).toList();
		Path csv = Path.of(positional.isEmpty() ? "../shared/data/storypoints/jirasoftware.csv" : positional.get(0));
		if (!Files.exists(csv)) {
			System.out.println("skipped: the story-point data is absent (" + csv + ")");
			return;
		}
		String db = positional.size() > 1 ? positional.get(1) : "h2";
		List<Row> rows = read(csv);
		List<Row> train = rows.stream().filter(Row::training).toList();
		List<Row> test = rows.stream().filter(r -> !r.training()).toList();
		System.out.printf(Locale.ROOT, "%s: %d train + validation rows, %d test rows; %s%n", csv.getFileName(),
				train.size(), test.size(), BenchServer.load());
		if (options.contains("--tune") || options.contains("--tune-only")) {
			StoryPointTuning.compare(train, test);
		}
		if (options.contains("--tune-only")) {
			return;
		}
		ConfigurableApplicationContext app = BenchServer.start(db);
		try {
			ApiClient api = ApiClient.signIn(BenchServer.port(app), "admin@localhost", BenchServer.PASSWORD);
			long t0 = System.nanoTime();
			importHistory(api, train);
			JsonNode settings = waitForHistory(api, train.size());
			System.out.printf(Locale.ROOT, "database=%s: %d finished items imported and embedded in %.1f s%n", db,
					train.size(), (System.nanoTime() - t0) / 1e9);
			report(settings.get("accuracy"), ask(api, test), train, test);
		}
		finally {
			app.close();
		}
	}

	static List<Row> read(Path csv) throws Exception {
		List<Row> rows = new ArrayList<>();
		try (Reader in = Files.newBufferedReader(csv)) {
			for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
				rows.add(new Row(r.get("issuekey"), clean(r.get("title")), clean(r.get("description")),
						new BigDecimal(r.get("storypoint")), r.get("split_mark")));
			}
		}
		return rows;
	}

	/**
	 * Control characters other than line breaks and tabs become spaces (items refuse
	 * them).
	 */
	private static String clean(String text) {
		return text.replaceAll("[\\p{Cntrl}&&[^\\r\\n\\t]]", " ");
	}

	private static void importHistory(ApiClient api, List<Row> train) {
		check(api.post("/api/v1/products", "{\"key\":\"SP\",\"name\":\"JIRA Software story points\"}"));
		String base = "/api/v1/products/SP";
		List<BigDecimal> scale = train.stream().map(Row::points).distinct().sorted().toList();
		check(api.put(base, ApiClient.json(Map.of("name", "JIRA Software story points", "estimateScale", scale)),
				api.get(base).etag()));
		List<Map<String, Object>> rules = new ArrayList<>();
		for (String rule : List.of("HAS_DESCRIPTION", "HAS_ACCEPTANCE_CRITERIA", "IS_ESTIMATED",
				"PREREQUISITES_DONE")) {
			rules.add(Map.of("rule", rule, "enabled", false));
		}
		check(api.put(base + "/ready-rules", ApiClient.json(rules), null));
		check(api.put(base + "/estimate-suggestion/settings", "{\"mode\":\"ON\"}", null));
		for (Row r : train) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("type", "STORY");
			item.put("title", r.title());
			item.put("description", r.description());
			item.put("estimate", r.points());
			String key = check(api.post(base + "/items", ApiClient.json(item))).json().get("key").asText();
			for (String status : List.of("READY", "IN_PROGRESS", "DONE")) {
				check(api.patch(base + "/items/" + key, "{\"status\":\"" + status + "\"}",
						api.get(base + "/items/" + key).etag()));
			}
		}
	}

	private static JsonNode waitForHistory(ApiClient api, int size) throws InterruptedException {
		long deadline = System.nanoTime() + 20L * 60 * 1_000_000_000;
		while (System.nanoTime() < deadline) {
			JsonNode settings = check(api.get("/api/v1/products/SP/estimate-suggestion/settings")).json();
			if (settings.get("history").asInt() >= size) {
				return settings;
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("the items' sentence vectors were not stored within 20 minutes");
	}

	/**
	 * The suggestion for each test row (null when none) and the time each took, in ms.
	 */
	private static List<double[]> ask(ApiClient api, List<Row> test) {
		List<double[]> answers = new ArrayList<>();
		for (Row r : test) {
			long start = System.nanoTime();
			JsonNode s = check(api.post("/api/v1/products/SP/estimate-suggestion",
					ApiClient.json(Map.of("title", r.title(), "description", r.description()))))
				.json();
			double ms = (System.nanoTime() - start) / 1e6;
			answers.add(new double[] { s.get("estimate").isNull() ? Double.NaN : s.get("estimate").asDouble(), ms });
		}
		return answers;
	}

	private static void report(JsonNode loo, List<double[]> answers, List<Row> train, List<Row> test) {
		double median = StoryPointTuning.lowerMedian(train);
		double[] errors = new double[test.size()];
		double[] medianErrors = new double[test.size()];
		double[] times = new double[test.size()];
		int missing = 0;
		for (int i = 0; i < test.size(); i++) {
			double actual = test.get(i).points().doubleValue();
			double suggested = answers.get(i)[0];
			missing += Double.isNaN(suggested) ? 1 : 0;
			errors[i] = Math.abs((Double.isNaN(suggested) ? median : suggested) - actual);
			medianErrors[i] = Math.abs(median - actual);
			times[i] = answers.get(i)[1];
		}
		Arrays.sort(times);
		System.out.printf(Locale.ROOT,
				"leave-one-out on the %d finished items: MAE %.2f, MdAE %.2f; their median"
						+ " (%s) MAE %.2f, MdAE %.2f; beats the median: %s%n",
				loo.get("items").asInt(), loo.get("mae").asDouble(), loo.get("mdae").asDouble(),
				loo.get("median").asText(), loo.get("medianMae").asDouble(), loo.get("medianMdae").asDouble(),
				loo.get("beatsMedian").asBoolean());
		System.out.printf(Locale.ROOT, "| method, %d test rows | MAE | MdAE |%n| --- | --- | --- |%n", test.size());
		System.out.printf(Locale.ROOT, "| suggested estimate (Priora) | %.2f | %.2f |%n", StoryPointTuning.mean(errors),
				StoryPointTuning.middle(errors));
		System.out.printf(Locale.ROOT, "| median of train + val (%s points) | %.2f | %.2f |%n",
				BigDecimal.valueOf(median).stripTrailingZeros().toPlainString(), StoryPointTuning.mean(medianErrors),
				StoryPointTuning.middle(medianErrors));
		System.out.println("| published (README): median 1.58 / 1.00; TF-IDF 5-NN median 2.08; Deep-SE about 1.4 |");
		System.out.printf(Locale.ROOT, "suggestions missing: %d; answer time p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
				missing, times[times.length / 2], times[(int) (times.length * 0.95)], times[times.length - 1]);
	}

	private static ApiClient.Response check(ApiClient.Response r) {
		if (r.status() >= 300) {
			throw new IllegalStateException(r.status() + " " + r.text());
		}
		return r;
	}

}
