package dev.priora.feedback;

import static dev.priora.support.Eventually.eventually;
import static dev.priora.support.Eventually.within;
import static dev.priora.support.Fixtures.aProduct;
import static dev.priora.support.Fixtures.aStory;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.priora.support.ApiClient;
import dev.priora.support.IntegrationTestBase;
import dev.priora.support.TestProduct;

/**
 * The background re-embedding (vectors of another model computed again) never makes a
 * person's change fail: while it runs over a product's feedback, people set kinds, link
 * and triage that same feedback and post new feedback through the API; every answer is a
 * success, every change is kept, and every vector ends current. With nothing stale, a
 * start-up queues no re-embedding at all.
 */
class ReembeddingWhileWritingIntegrationTest extends IntegrationTestBase {

	private static final String KEY = "RMBD";

	private static final int STALE = 240;

	@Autowired
	BackgroundEmbedding embedding;

	@Autowired
	SentenceEmbedder embedder;

	@Autowired
	JdbcClient jdbc;

	@Test
	void peoplesChangesDuringAReembeddingAreNeverRefusedAndAllKept() {
		ApiClient api = api();
		TestProduct product = aProduct(KEY).named("Re-embedding").createdBy(api);
		aStory("Export orders as CSV").description("Orders as a spreadsheet").in(product);
		List<Long> ids = staleFeedback();
		long embeddedBefore = embedder.embedded();

		assertThat(embedding.queueStale()).as("vectors of another model are stored: a task is queued").isTrue();
		within(Duration.ofMinutes(5)).until(() -> stale() < STALE || embedder.embedded() > embeddedBefore + 2);
		List<String> refused = new ArrayList<>();
		long staleAtFirstWrite = -1;
		for (int i = 0; i < 20; i++) {
			long id = ids.get(ids.size() - 1 - i * 7);
			check(refused, "kind " + id, api.put(path("/feedback/" + id + "/kind"), "{\"kind\":\"QUESTION\"}", null));
			staleAtFirstWrite = staleAtFirstWrite < 0 ? stale() : staleAtFirstWrite;
			check(refused, "link " + id, api.post(path("/feedback/" + id + "/links"),
					ApiClient.json(Map.of("item", KEY + "-1", "importance", "IMPORTANT", "quote", "a quote"))));
			long other = ids.get(ids.size() - 4 - i * 7);
			String etag = api.get(path("/feedback/" + other)).etag();
			check(refused, "triage " + other, api.patch(path("/feedback/" + other), "{\"status\":\"TRIAGED\"}", etag));
			check(refused, "new feedback", api.post(path("/feedback"),
					ApiClient.json(Map.of("title", "Export " + i, "text", "Please add a CSV export of orders."))));
		}
		assertThat(refused).as("changes refused while the vectors were computed again").isEmpty();
		assertThat(staleAtFirstWrite).as("the re-embedding was still running at the first write").isPositive();

		within(Duration.ofMinutes(10)).until(() -> stale() == 0);
		assertThat(count("kind = 'QUESTION' and kind_source = 'set' and kind_confidence = 1")).isEqualTo(20);
		assertThat(count("status = 'TRIAGED'")).isEqualTo(20);
		assertThat(jdbc.sql("""
				select count(*) from feedback_links l join feedback f on f.id = l.feedback_id
				where f.product_key = ?""").param(KEY).query(Long.class).single()).isEqualTo(20);
		assertThat(count("embedding_model = '" + SentenceEmbedder.MODEL + "' and embedding is not null"))
			.isEqualTo(STALE + 20);
		// the stale ones not set by hand, and the new ones, have a predicted kind
		assertThat(count("kind_source = 'predicted' and kind is not null")).isEqualTo(STALE - 20 + 20);
		eventually().until(() -> !embedding.queueStale());
	}

	@Test
	void withNothingStaleAStartUpQueuesNoReembedding() {
		eventually().until(() -> jdbc.sql("""
				select count(*) from feedback where embedding_model <> ?
				  or embedding_model is null and embedding is not null""")
			.param(SentenceEmbedder.MODEL)
			.query(Long.class)
			.single() == 0);
		long queued = startTasks();
		embedding.sweep();
		assertThat(startTasks()).isEqualTo(queued);
		assertThat(embedding.queueStale()).isFalse();
	}

	/** STALE feedback of the product whose vectors another model computed, by id. */
	private List<Long> staleFeedback() {
		Timestamp now = Timestamp.from(Instant.now());
		for (int i = 0; i < STALE; i++) {
			jdbc.sql("""
					insert into feedback (product_key, title, body, channel, received_at, status, embedding,
					  embedding_model, kind, kind_confidence, kind_source, sentiment, created_at, updated_at)
					values (?, ?, ?, 'API', ?, 'NEW', ?, 'older-model', 'OTHER', 0.5, 'predicted', 'NEUTRAL', ?, ?)""")
				.params(KEY, "Orders export " + i, "We export orders by hand every Monday (" + i + ").", now,
						new byte[384 * 4], now, now)
				.update();
		}
		return jdbc.sql("select id from feedback where product_key = ? order by id")
			.param(KEY)
			.query(Long.class)
			.list();
	}

	private long stale() {
		return count("(embedding_model is null or embedding_model <> '" + SentenceEmbedder.MODEL + "')");
	}

	private long count(String where) {
		return jdbc.sql("select count(*) from feedback where product_key = ? and " + where)
			.param(KEY)
			.query(Long.class)
			.single();
	}

	private long startTasks() {
		return jdbc.sql("""
				select count(*) from scheduled_tasks where task_name = 'feedback-embedding'
				  and task_instance like 'start/%'""").query(Long.class).single();
	}

	private static String path(String rest) {
		return "/api/v1/products/" + KEY + rest;
	}

	private static void check(List<String> refused, String what, ApiClient.Response r) {
		if (r.status() >= 300) {
			refused.add(what + ": " + r.status() + " " + r.text());
		}
	}

}
