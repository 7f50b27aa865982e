package dev.priora.feedback;

import java.util.List;
import java.util.UUID;

import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;

import dev.priora.jobs.Jobs;

/**
 * Computes the sentence vectors of feedback stored without one (bulk imports) as a
 * background task on any node, 200 texts per database round; the similarity index picks
 * them up on its next search. The task is queued in the import's transaction, so it
 * exists once the import commits; a node that dies in it leaves it to another (the
 * scheduler revives it).
 */
@Component
class BackgroundEmbedding extends OneTimeTask<String> {

	private final JdbcClient jdbc;

	private final SentenceEmbedder embedder;

	private final Jobs jobs;

	BackgroundEmbedding(JdbcClient jdbc, @Lazy SentenceEmbedder embedder, @Lazy Jobs jobs) {
		super("feedback-embedding", String.class);
		this.jdbc = jdbc;
		this.embedder = embedder;
		this.jobs = jobs;
	}

	/** Queues the product's missing vectors, in the caller's transaction. */
	void embedMissing(String productKey) {
		jobs.runSoon(instance(productKey + "/" + UUID.randomUUID(), productKey));
	}

	@Override
	public void executeOnce(TaskInstance<String> instance, ExecutionContext context) {
		String productKey = instance.getData();
		while (!Thread.currentThread().isInterrupted()) {
			List<Object[]> batch = jdbc
				.sql("""
						select id, title, body from feedback where product_key = ? and embedding is null order by id limit 200""")
				.param(productKey)
				.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2), rs.getString(3) })
				.list();
			if (batch.isEmpty()) {
				return;
			}
			for (Object[] f : batch) {
				float[] v = embedder.embed((String) f[1], (String) f[2]);
				jdbc.sql("update feedback set embedding = ? where id = ?")
					.params(FeedbackRepository.bytes(v), f[0])
					.update();
			}
		}
	}

}
