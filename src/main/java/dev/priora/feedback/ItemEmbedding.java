package dev.priora.feedback;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;

import dev.priora.backlog.BacklogEvents;
import dev.priora.jobs.Jobs;

/**
 * Keeps the stored sentence vectors of backlog items ({@code item_vectors}) current, as a
 * background task on any node: queued in the transaction that creates an item or changes
 * its title or description (once per product and transaction, so an import of thousands
 * of items queues one task), and at start-up when some product has items that have none
 * (the demo product on a first start, items written before vectors were stored, vectors
 * of another model than {@link SentenceEmbedder#MODEL}). The task embeds 200 items per
 * database round until none is left; an item whose text is unchanged since its vector was
 * computed is confirmed, not embedded again. The similarity index reads the vectors
 * ({@link FeedbackIndex}); until an item has its vector it is found by its words only.
 */
@Component
class ItemEmbedding extends OneTimeTask<String> {

	static final String ALL_PRODUCTS = "*";

	private static final int BATCH = 200;

	private final ItemVectorRepository vectors;

	private final SentenceEmbedder embedder;

	private final Jobs jobs;

	private final Clock clock;

	private final Map<String, Object> running = new ConcurrentHashMap<>();

	ItemEmbedding(ItemVectorRepository vectors, @Lazy SentenceEmbedder embedder, @Lazy Jobs jobs, Clock clock) {
		super("feedback-item-embedding", String.class);
		this.vectors = vectors;
		this.embedder = embedder;
		this.jobs = jobs;
		this.clock = clock;
	}

	@EventListener
	void on(BacklogEvents.ItemCreated e) {
		queue(e.key().productKey());
	}

	@EventListener
	void on(BacklogEvents.ItemUpdated e) {
		// status, estimate and order changes keep the vector: look before queueing
		vectors.find(e.item().value())
			.filter(item -> !item.rejected() && item.currentVector() == null)
			.ifPresent(item -> queue(e.key().productKey()));
	}

	/**
	 * At start-up: one task for the products whose items lack vectors, when there are
	 * any.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void sweep() {
		if (!vectors.productsNeedingVectors().isEmpty()) {
			jobs.runSoon(instance("start/" + UUID.randomUUID(), ALL_PRODUCTS));
		}
	}

	/** Queues the product's missing vectors, once per transaction. */
	private void queue(String productKey) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			String resource = ItemEmbedding.class.getName();
			@SuppressWarnings("unchecked")
			Set<String> queued = (Set<String>) TransactionSynchronizationManager.getResource(resource);
			if (queued == null) {
				queued = new HashSet<>();
				TransactionSynchronizationManager.bindResource(resource, queued);
				TransactionSynchronizationManager
					.registerSynchronization(new org.springframework.transaction.support.TransactionSynchronization() {
						@Override
						public void afterCompletion(int status) {
							TransactionSynchronizationManager.unbindResourceIfPossible(resource);
						}
					});
			}
			if (!queued.add(productKey)) {
				return;
			}
		}
		jobs.runSoon(instance(productKey + "/" + UUID.randomUUID(), productKey));
	}

	@Override
	public void executeOnce(TaskInstance<String> instance, ExecutionContext context) {
		List<String> products = ALL_PRODUCTS.equals(instance.getData()) ? vectors.productsNeedingVectors()
				: List.of(instance.getData());
		for (String productKey : products) {
			embed(productKey);
		}
	}

	/**
	 * Embeds what the product lacks. Tasks of one product run one after the other on this
	 * node: a task queued while another runs scans again after it, so no item is missed
	 * and none embedded twice here (another node may: then the later write wins).
	 */
	private void embed(String productKey) {
		synchronized (running.computeIfAbsent(productKey, k -> new Object())) {
			while (!Thread.currentThread().isInterrupted()) {
				List<ItemVectorRepository.ItemText> batch = vectors.needingVectors(productKey, BATCH);
				if (batch.isEmpty()) {
					return;
				}
				for (var item : batch) {
					String hash = ItemVectorRepository.hash(item.title(), item.text());
					// never before the item's update, or a node with a slower clock would
					// find the item again
					Instant at = clock.instant().isAfter(item.updatedAt()) ? clock.instant() : item.updatedAt();
					if (hash.equals(item.vectorHash()) && SentenceEmbedder.MODEL.equals(item.vectorModel())) {
						vectors.confirm(item.id(), at);
					}
					else {
						vectors.store(item.id(), item.productId(), hash, embedder.embed(item.title(), item.text()), at);
					}
				}
			}
		}
	}

}
