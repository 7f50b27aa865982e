package dev.priora.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;

import dev.priora.support.IntegrationTestBase;
import dev.priora.support.TestDatabase;

/**
 * Two transactions schedule the same task instance at once (as two people's feedback does
 * when it queues its product's theme refresh): the second one's insert waits for the
 * first's row and then loses. On PostgreSQL a lost insert aborts the whole transaction,
 * so without a savepoint the second person's write failed; both must commit.
 */
class ScheduleOnceIntegrationTest extends IntegrationTestBase {

	private static final String BUCKET = "schedule-once-test";

	@Autowired
	Jobs jobs;

	@Autowired
	JobTask task;

	@Autowired
	SchedulerClient client;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcClient jdbc;

	private TaskInstance<Void> instance;

	@AfterEach
	void cleanUp() {
		jdbc.sql("delete from rate_limits where bucket = ?").param(BUCKET).update();
		if (instance != null && client.getScheduledExecution(instance).isPresent()) {
			client.cancel(instance);
		}
	}

	@Test
	void twoTransactionsSchedulingTheSameInstanceBothCommit() throws Exception {
		instance = task.instance("schedule-once-" + UUID.randomUUID());
		Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
		TransactionTemplate tx = new TransactionTemplate(transactions);
		CountDownLatch scheduled = new CountDownLatch(1);
		CountDownLatch commit = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<Boolean> first = pool.submit(() -> tx.execute(s -> {
				boolean mine = jobs.scheduleOnce(instance, tomorrow);
				scheduled.countDown();
				awaitQuietly(commit);
				return mine;
			}));
			assertThat(scheduled.await(30, TimeUnit.SECONDS)).isTrue();
			Future<Boolean> second = pool.submit(() -> tx.execute(s -> {
				mark("before");
				boolean mine = jobs.scheduleOnce(instance, tomorrow);
				mark("after");
				return mine;
			}));
			// the second transaction's insert now waits for the first's uncommitted row
			Thread.sleep(700);
			commit.countDown();
			assertThat(first.get(30, TimeUnit.SECONDS)).as("the first scheduled it").isTrue();
			assertThat(second.get(30, TimeUnit.SECONDS)).as("the second found it scheduled on " + TestDatabase.name())
				.isFalse();
		}
		finally {
			commit.countDown();
			pool.shutdownNow();
		}
		assertThat(jdbc.sql("select subject from rate_limits where bucket = ? order by subject")
			.param(BUCKET)
			.query(String.class)
			.list()).as("the second transaction's own writes, before and after, committed")
			.containsExactly("after", "before");
		assertThat(client.getScheduledExecution(instance)).isPresent();
	}

	@Test
	void schedulingAnInstanceThatExistsAnswersFalse() {
		instance = task.instance("schedule-once-" + UUID.randomUUID());
		Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
		assertThat(jobs.scheduleOnce(instance, tomorrow)).isTrue();
		assertThat(jobs.scheduleOnce(instance, tomorrow)).isFalse();
	}

	private void mark(String subject) {
		jdbc.sql("insert into rate_limits (bucket, subject, window_start, hits, expires_at) values (?, ?, 0, 1, ?)")
			.params(BUCKET, subject, java.time.OffsetDateTime.now().plusDays(1))
			.update();
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

}
