package dev.priora.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import dev.priora.feedback.engine.SimilarityIndex;

/**
 * Recall@1/5/10 of duplicate detection on the Redmine feature requests in
 * {@code ../shared/data/duplicates} (skipped when that folder is absent): for every
 * request that "is duplicate of" another request in the file, the other requests are
 * ranked by similarity, words only (BM25) and hybrid (BM25 + MiniLM vectors).
 */
class DuplicateRecallTest {

	private static final Path DATA = Path.of("../shared/data/duplicates/redmine-feature-requests.csv");

	record Request(String id, String subject, String description, Set<String> duplicateOf) {
	}

	record Recall(double at1, double at5, double at10) {
		@Override
		public String toString() {
			return String.format(Locale.ROOT, "R@1 %.3f  R@5 %.3f  R@10 %.3f", at1, at5, at10);
		}
	}

	@Test
	void hybridRankingFindsDuplicatesClearlyBetterThanWordsAlone() throws IOException {
		Assumptions.assumeTrue(Files.exists(DATA), "shared data absent: " + DATA);
		List<Request> requests = read();
		SentenceEmbedder embedder = new SentenceEmbedder();
		Recall words = recall(requests, null);
		Recall hybrid = recall(requests, embedder);
		System.out.println("duplicate recall, words only (BM25): " + words);
		System.out.println("duplicate recall, hybrid (BM25 + MiniLM): " + hybrid);
		assertThat(hybrid.at1()).isGreaterThan(words.at1() + 0.08);
		assertThat(hybrid.at5()).isGreaterThan(words.at5() + 0.10);
		assertThat(hybrid.at10()).isGreaterThan(words.at10() + 0.08);
		assertThat(hybrid.at10()).isGreaterThan(0.85);
	}

	private static Recall recall(List<Request> requests, SentenceEmbedder embedder) {
		Set<String> ids = new HashSet<>();
		requests.forEach(r -> ids.add(r.id()));
		try (SimilarityIndex index = new SimilarityIndex()) {
			List<float[]> vectors = new ArrayList<>();
			for (Request r : requests) {
				float[] vector = embedder == null ? null : embedder.embed(r.subject(), r.description());
				vectors.add(vector);
				index.put(new SimilarityIndex.Entry(r.id(), r.subject(), r.description(), vector));
			}
			int queries = 0;
			int[] hits = new int[3];
			int[] ks = { 1, 5, 10 };
			for (int i = 0; i < requests.size(); i++) {
				Request q = requests.get(i);
				if (q.duplicateOf().stream().noneMatch(ids::contains)) {
					continue;
				}
				queries++;
				List<String> found = index
					.similar(
							new SimilarityIndex.Query(q.subject(), q.description(), vectors.get(i), 10, Set.of(q.id())))
					.stream()
					.map(SimilarityIndex.Match::id)
					.toList();
				for (int k = 0; k < 3; k++) {
					if (found.subList(0, Math.min(ks[k], found.size())).stream().anyMatch(q.duplicateOf()::contains)) {
						hits[k]++;
					}
				}
			}
			return new Recall((double) hits[0] / queries, (double) hits[1] / queries, (double) hits[2] / queries);
		}
	}

	private static List<Request> read() throws IOException {
		List<Request> requests = new ArrayList<>();
		Pattern duplicate = Pattern.compile("Is duplicate of #(\\d+)");
		try (Reader in = Files.newBufferedReader(DATA)) {
			for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
				Set<String> targets = new HashSet<>();
				Matcher m = duplicate.matcher(r.get("related issues"));
				while (m.find()) {
					targets.add(m.group(1));
				}
				requests.add(new Request(r.get("id"), r.get("subject"), r.get("description"), targets));
			}
		}
		return requests;
	}

}
