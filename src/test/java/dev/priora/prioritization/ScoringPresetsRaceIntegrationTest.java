package dev.priora.prioritization;

import static dev.priora.support.Fixtures.aProduct;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.priora.support.IntegrationTestBase;
import tools.jackson.databind.json.JsonMapper;

/**
 * A product's preset scoring models are made on first use in the caller's transaction (a
 * background job's, say). When another transaction makes them first, the caller's insert
 * fails on the unique name: that must not doom the caller's whole transaction (it did: a
 * scenario run failed with "Transaction rolled back because it has been marked as
 * rollback-only" while a page made the presets).
 */
class ScoringPresetsRaceIntegrationTest extends IntegrationTestBase {

	@Autowired
	ScoringModels models;

	@Autowired
	PrioritizationRepository repository;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JsonMapper json;

	@Test
	void aCallerThatLosesThePresetRaceStillCommitsItsTransaction() throws Exception {
		aProduct("RACE").named("Race").createdBy(api());
		TransactionTemplate tx = new TransactionTemplate(transactions);
		Integer before = tx.execute(s -> repository.models("RACE").size());
		assertThat(before).as("no presets before first use").isZero();
		Presets.Preset preset = Presets.all().get(0);
		String first = preset.name();
		String definition = json.writeValueAsString(preset.definition());
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			CountDownLatch inserted = new CountDownLatch(1);
			CountDownLatch commit = new CountDownLatch(1);
			// another creator has inserted the first preset and not committed yet
			Future<?> other = threads.submit(() -> tx.executeWithoutResult(s -> {
				repository.insertModel("RACE", first, preset.key(), definition, true, null, Instant.now());
				inserted.countDown();
				await(commit);
			}));
			assertThat(inserted.await(10, TimeUnit.SECONDS)).isTrue();
			// the caller sees no presets, inserts the first and waits on the other's row
			Future<List<ScoringModelView>> caller = threads.submit(() -> tx.execute(s -> models.models("RACE")));
			Thread.sleep(300);
			assertThat(caller.isDone()).as("the caller waits on the other creator's row").isFalse();
			commit.countDown();
			other.get(10, TimeUnit.SECONDS);
			List<ScoringModelView> seen = caller.get(10, TimeUnit.SECONDS);
			assertThat(seen).extracting(ScoringModelView::name).contains(first);
		}
		finally {
			threads.shutdownNow();
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

}
