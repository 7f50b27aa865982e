package dev.priora.feedback;

import java.util.List;
import java.util.UUID;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;

import dev.priora.jobs.Jobs;

/**
 * Computes the sentence vectors of feedback stored without one (bulk imports) as a
 * background task on any node, 200 texts per database round, with their kind and
 * sentiment ({@link KindClassifier}); the similarity index picks them up on its next
 * search. The task is queued in the import's transaction, so it exists once the import
 * commits; a node that dies in it leaves it to another (the scheduler revives it).
 */
@Component
class BackgroundEmbedding extends OneTimeTask<String> {

	private final FeedbackTextRepository feedback;

	private final SentenceEmbedder embedder;

	private final Jobs jobs;

	private final KindClassifier kinds;

	BackgroundEmbedding(FeedbackTextRepository feedback, @Lazy SentenceEmbedder embedder, @Lazy Jobs jobs,
			KindClassifier kinds) {
		super("feedback-embedding", String.class);
		this.feedback = feedback;
		this.embedder = embedder;
		this.jobs = jobs;
		this.kinds = kinds;
	}

	/** Queues the product's missing vectors, in the caller's transaction. */
	void embedMissing(String productKey) {
		jobs.runSoon(instance(productKey + "/" + UUID.randomUUID(), productKey));
	}

	@Override
	public void executeOnce(TaskInstance<String> instance, ExecutionContext context) {
		String productKey = instance.getData();
		while (!Thread.currentThread().isInterrupted()) {
			List<FeedbackTextRepository.Text> batch = feedback.withoutVector(productKey, 200);
			if (batch.isEmpty()) {
				return;
			}
			var model = kinds.productModel(productKey);
			for (FeedbackTextRepository.Text f : batch) {
				float[] vector = embedder.embed(f.title(), f.text());
				feedback.storeVector(f.id(), vector);
				kinds.storeGuess(f.id(), kinds.classify(model, vector, KindClassifier.fullText(f.title(), f.text())));
			}
		}
	}

}
