package dev.priora.feedback;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Computes the sentence vectors of feedback stored without one (bulk imports), in the
 * background, one product at a time, 200 texts per database round; the similarity index
 * picks them up on its next search.
 */
@Component
class BackgroundEmbedding implements DisposableBean {

	private static final Logger LOG = LoggerFactory.getLogger(BackgroundEmbedding.class);

	private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "priora-embedding");
		t.setDaemon(true);
		return t;
	});

	private final JdbcClient jdbc;

	private final SentenceEmbedder embedder;

	BackgroundEmbedding(JdbcClient jdbc, SentenceEmbedder embedder) {
		this.jdbc = jdbc;
		this.embedder = embedder;
	}

	void embedMissing(String productKey) {
		executor.submit(() -> {
			try {
				run(productKey);
			}
			catch (RuntimeException e) {
				LOG.warn("embedding feedback of {} stopped; it resumes with the next import or restart", productKey, e);
			}
		});
	}

	private void run(String productKey) {
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

	@Override
	public void destroy() {
		executor.shutdownNow();
	}

}
