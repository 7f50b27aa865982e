package dev.priora.feedback;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;

import dev.priora.jobs.Jobs;

/**
 * Computes the sentence vectors of feedback stored without one (bulk imports) as a
 * background task on any node, {@value #BATCH} texts per database read, with their kind
 * and sentiment ({@link KindClassifier}); the similarity index picks them up on its next
 * search. The task is queued in the import's transaction, so it exists once the import
 * commits; a node that dies in it leaves it to another (the scheduler revives it). At
 * start-up, and only when some feedback has a vector of another model than
 * {@link SentenceEmbedder#MODEL} (the model changed), one task computes those again;
 * until then the similarity index finds such feedback by its words.
 *
 * <p>
 * It never holds up a person's change of the same feedback: the texts are read, then each
 * vector is computed outside any transaction and written by one single-row statement of
 * its own that leaves a row alone when it has a current vector by now; a row a concurrent
 * change holds is skipped (the next task of the product takes it).
 */
@Component
class BackgroundEmbedding extends OneTimeTask<String> {

	static final int BATCH = 200;

	private static final Logger LOG = LoggerFactory.getLogger(BackgroundEmbedding.class);

	private final FeedbackTextRepository feedback;

	private final SentenceEmbedder embedder;

	private final Jobs jobs;

	private final KindClassifier kinds;

	private final Map<String, Object> running = new ConcurrentHashMap<>();

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

	@EventListener(ApplicationReadyEvent.class)
	void sweep() {
		queueStale();
	}

	/**
	 * Queues one task when vectors of another model are stored, and nothing otherwise.
	 * Answers whether it queued.
	 */
	boolean queueStale() {
		if (feedback.productsWithStaleVectors().isEmpty()) {
			return false;
		}
		jobs.runSoon(instance("start/" + UUID.randomUUID(), ItemEmbedding.ALL_PRODUCTS));
		return true;
	}

	@Override
	public void executeOnce(TaskInstance<String> instance, ExecutionContext context) {
		if (ItemEmbedding.ALL_PRODUCTS.equals(instance.getData())) {
			feedback.productsWithStaleVectors().forEach(this::embed);
		}
		else {
			embed(instance.getData());
		}
	}

	/**
	 * Embeds what the product lacks, by id, one pass; tasks of one product run one after
	 * the other on this node. Answers how many vectors it stored.
	 */
	int embed(String productKey) {
		int stored = 0;
		int skipped = 0;
		synchronized (running.computeIfAbsent(productKey, k -> new Object())) {
			long after = 0;
			while (!Thread.currentThread().isInterrupted()) {
				List<FeedbackTextRepository.Text> batch = feedback.withoutVector(productKey, after, BATCH);
				if (batch.isEmpty()) {
					break;
				}
				var model = kinds.productModel(productKey);
				for (FeedbackTextRepository.Text f : batch) {
					after = f.id();
					float[] vector = embedder.embed(f.title(), f.text());
					try {
						if (feedback.storeVector(f.id(), vector)) {
							stored++;
							kinds.storeGuess(f.id(),
									kinds.classify(model, vector, KindClassifier.fullText(f.title(), f.text())));
						}
					}
					catch (TransientDataAccessException e) {
						skipped++;
						LOG.debug("feedback {} was held by a concurrent change; left for the next task", f.id(), e);
					}
				}
			}
		}
		if (skipped > 0) {
			LOG.info("{} of {}'s feedback were held by concurrent changes while their vectors were stored; the next"
					+ " task of the product computes them", skipped, productKey);
		}
		return stored;
	}

}
