package dev.priora.feedback.web;

import static dev.priora.support.Fixtures.aProduct;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.priora.support.ApiClient;
import dev.priora.support.Eventually;
import dev.priora.support.IntegrationTestBase;

/**
 * The customer-voice benchmark of docs/BENCHMARKS.md, end to end: the Redmine feature
 * requests from {@code ../shared/data/duplicates} (skipped when absent) go through the
 * CSV importer ({@code id} → external id, {@code subject} → title, {@code description} →
 * text); then, for every request that "is duplicate of" another in the file, {@code GET
 * …/feedback/{id}/similar} is asked and Recall@1/5/10 over feedback is reported.
 */
class DuplicateRecallIntegrationTest extends IntegrationTestBase {

	private static final Path DATA = Path.of("../shared/data/duplicates/redmine-feature-requests.csv");

	@Autowired
	JdbcClient jdbc;

	@Test
	void findsDuplicatesThroughTheImporterAndTheApi() throws Exception {
		Assumptions.assumeTrue(Files.exists(DATA), "shared data absent: " + DATA);
		ApiClient api = api();
		aProduct("RDM").named("Redmine requests").createdBy(api);
		var imported = api.postFile("/api/v1/products/RDM/feedback/import?text=description&title=subject&externalId=id",
				Files.readAllBytes(DATA), "text/csv");
		assertThat(imported.status()).as(imported.text()).isEqualTo(200);
		assertThat(imported.json().get("imported").asInt()).isEqualTo(743);
		waitForVectors();
		Map<String, Long> idOf = new HashMap<>();
		jdbc.sql("select external_id, id from feedback where product_key = 'RDM'")
			.query((rs, n) -> idOf.put(rs.getString(1), rs.getLong(2)))
			.list();
		Pattern duplicate = Pattern.compile("Is duplicate of #(\\d+)");
		int queries = 0;
		int[] hits = new int[3];
		int[] ks = { 1, 5, 10 };
		try (Reader in = Files.newBufferedReader(DATA)) {
			for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
				Set<Long> targets = new HashSet<>();
				Matcher m = duplicate.matcher(r.get("related issues"));
				while (m.find()) {
					if (idOf.containsKey(m.group(1))) {
						targets.add(idOf.get(m.group(1)));
					}
				}
				if (targets.isEmpty()) {
					continue;
				}
				queries++;
				List<Long> found = new java.util.ArrayList<>();
				api.get("/api/v1/products/RDM/feedback/" + idOf.get(r.get("id")) + "/similar?limit=10")
					.json()
					.forEach(s -> found.add(s.get("feedbackId").asLong()));
				for (int k = 0; k < 3; k++) {
					if (found.subList(0, Math.min(ks[k], found.size())).stream().anyMatch(targets::contains)) {
						hits[k]++;
					}
				}
			}
		}
		double r1 = (double) hits[0] / queries;
		double r5 = (double) hits[1] / queries;
		double r10 = (double) hits[2] / queries;
		System.out.printf(Locale.ROOT,
				"duplicate recall through the importer and the API (%d queries): R@1 %.3f  " + "R@5 %.3f  R@10 %.3f%n",
				queries, r1, r5, r10);
		assertThat(queries).isEqualTo(154);
		assertThat(r1).isGreaterThan(0.55);
		assertThat(r5).isGreaterThan(0.85);
		assertThat(r10).isGreaterThan(0.90);
	}

	private void waitForVectors() throws InterruptedException {
		// about 10 s on an idle 2-core machine; minutes when other builds share it
		Eventually.within(Duration.ofMinutes(10))
			.alias("sentence vectors of the 743 requests are computed")
			.until(() -> jdbc.sql("select count(*) from feedback where product_key = 'RDM' and embedding is null")
				.query(Long.class)
				.single(), missing -> missing == 0);
	}

}
