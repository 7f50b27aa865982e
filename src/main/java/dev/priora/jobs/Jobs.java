package dev.priora.jobs;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;

import tools.jackson.databind.json.JsonMapper;

/**
 * Starts, finds and cancels background jobs. A job is queued in the caller's transaction
 * (its row, its input and its execution commit with the caller's change, or not at all)
 * and this node looks for it as soon as that commits; any node may run it. Jobs of one
 * kind and product run one at a time, oldest first.
 */
@Service
public class Jobs {

	/** Thrown out of {@link JobContext#progress} when the job was cancelled. */
	public static final class Cancelled extends RuntimeException {

		private static final long serialVersionUID = 1L;

		public Cancelled() {
			super(null, null, false, false);
		}

	}

	/** A result of work that stopped early on a cancel and keeps what it found. */
	public record Stopped(Object result) {
	}

	/** The job after a cancel request; {@code accepted} is false when it had ended. */
	public record Cancel(Job job, boolean accepted) {
	}

	private final JobRepository repository;

	private final SchedulerClient client;

	private final JobTask task;

	private final JobScheduler scheduler;

	private final JsonMapper json;

	private final Clock clock;

	private final TransactionTemplate savepoint;

	Jobs(JobRepository repository, SchedulerClient client, JobTask task,
			org.springframework.beans.factory.ObjectProvider<JobScheduler> scheduler, JsonMapper json, Clock clock,
			PlatformTransactionManager transactions) {
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.repository = repository;
		this.client = client;
		this.task = task;
		this.scheduler = scheduler.getIfAvailable();
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Queues a job of the kind with its parameters (stored as JSON) and its input (read
	 * and stored as it streams in; may be null), and returns it.
	 */
	@Transactional
	public Job start(String kind, String productKey, Object params, InputStream input, Long createdBy) {
		String id = UUID.randomUUID().toString();
		repository.insert(id, kind, productKey, params == null ? null : json.writeValueAsString(params), createdBy,
				clock.instant());
		if (input != null) {
			repository.storeInput(id, input);
		}
		runSoon(task.instance(id));
		return repository.find(id).orElseThrow();
	}

	public Optional<Job> find(String kind, String productKey, String id) {
		return repository.find(kind, productKey, id);
	}

	/** The product's latest jobs of the kind, newest first (1 to 100). */
	public List<Job> recent(String kind, String productKey, int limit) {
		return repository.recent(kind, productKey, Math.max(1, Math.min(limit, 100)));
	}

	/** The jobs with these ids, by id. */
	public Map<String, Job> byIds(Collection<String> ids) {
		return repository.byIds(ids).stream().collect(Collectors.toMap(Job::id, Function.identity()));
	}

	/**
	 * Cancels a queued job at once, or asks a running one to stop (its work rolls back,
	 * or stops early and keeps what it found; a dead node's job ends cancelled when the
	 * node is found dead). Empty when there is no such job.
	 */
	@Transactional
	public Optional<Cancel> cancel(String kind, String productKey, String id) {
		Optional<Job> job = repository.find(kind, productKey, id);
		if (job.isEmpty()) {
			return Optional.empty();
		}
		if (job.get().state().finished()) {
			return Optional.of(new Cancel(job.get(), false));
		}
		if (repository.cancelQueued(id, clock.instant())) {
			repository.deleteInput(id);
		}
		else {
			repository.requestCancel(id);
		}
		Job now = repository.find(id).orElseThrow();
		return Optional.of(new Cancel(now, now.cancelRequested()));
	}

	/**
	 * Schedules a task's instance to run now, unless it is scheduled already: in the
	 * caller's transaction, and this node looks for it as soon as that commits (the
	 * after-commit start).
	 */
	public void runSoon(TaskInstance<?> instance) {
		scheduleOnce(instance, clock.instant());
		if (scheduler == null) {
			return;
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					scheduler.wake();
				}
			});
		}
		else {
			scheduler.wake();
		}
	}

	/**
	 * Schedules a task's instance at {@code when} in the caller's transaction, unless an
	 * instance with its id is scheduled already; true when this call scheduled it. Two
	 * transactions that schedule the same instance at once both succeed: the one that
	 * loses the insert (PostgreSQL then aborts everything its transaction did after) does
	 * so behind a savepoint, so only the insert is undone and the caller's own writes
	 * commit.
	 */
	public boolean scheduleOnce(TaskInstance<?> instance, Instant when) {
		try {
			return Boolean.TRUE.equals(savepoint.execute(s -> client.scheduleIfNotExists(instance, when)));
		}
		catch (RuntimeException e) {
			if (client.getScheduledExecution(instance).isPresent()) {
				return false;
			}
			throw e;
		}
	}

}
