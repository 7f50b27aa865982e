package dev.priora.jobs;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one job on this node: waits while an older job of its queue (kind and product) is
 * unfinished, marks it running, runs its {@link JobWork} in one transaction that also
 * records the end, and otherwise records the cancellation or the problem. Also ends the
 * jobs of a dead node.
 */
@Component
class JobRunner {

	private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

	/** What the execution should do next. */
	enum Next {

		/** The job has ended (or is gone): remove its execution. */
		END,
		/** An older job of its queue is unfinished: look again shortly. */
		WAIT

	}

	private final JobRepository repository;

	private final ObjectProvider<JobWork> works;

	private final TransactionTemplate tx;

	private final TransactionTemplate separate;

	private final JsonMapper json;

	private final Clock clock;

	private final NodeName node;

	private final ApplicationEventPublisher events;

	JobRunner(JobRepository repository, ObjectProvider<JobWork> works, PlatformTransactionManager transactions,
			JsonMapper json, Clock clock, NodeName node, ApplicationEventPublisher events) {
		this.events = events;
		this.repository = repository;
		this.works = works;
		this.tx = new TransactionTemplate(transactions);
		this.separate = new TransactionTemplate(transactions);
		this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.json = json;
		this.clock = clock;
		this.node = node;
	}

	Next run(String id) {
		Optional<Job> found = repository.find(id);
		if (found.isEmpty() || found.get().state().finished()) {
			return Next.END;
		}
		Job job = found.get();
		if (job.state() == JobState.RUNNING) {
			// picked again after its run on this node broke off without recording an end
			dead(id, "Its run stopped without finishing; nothing of it was kept.");
			return Next.END;
		}
		if (repository.waitsBehindAnother(job)) {
			return Next.WAIT;
		}
		if (!separate.execute(s -> repository.markRunning(id, node.get(), clock.instant()))) {
			return Next.END;
		}
		JobWork work = works.orderedStream().filter(w -> w.kind().equals(job.kind())).findFirst().orElse(null);
		if (work == null) {
			end(id, JobState.FAILED, null, Map.of("detail", "No node knows how to run a " + job.kind() + " job."));
			return Next.END;
		}
		execute(job, work);
		return Next.END;
	}

	private void execute(Job job, JobWork work) {
		try {
			tx.executeWithoutResult(s -> {
				Object result = work.run(new Context(job));
				boolean stopped = result instanceof Jobs.Stopped;
				Object kept = stopped ? ((Jobs.Stopped) result).result() : result;
				JobState state = stopped ? JobState.CANCELLED : JobState.DONE;
				repository.finish(job.id(), state, kept == null ? null : json.writeValueAsString(kept), null,
						clock.instant());
				repository.deleteInput(job.id());
				events.publishEvent(new JobEnded(job.id(), job.kind(), job.productKey(), state, job.createdBy(), null));
			});
		}
		catch (Jobs.Cancelled e) {
			end(job.id(), JobState.CANCELLED, null, null);
		}
		catch (ErrorResponseException e) {
			Map<String, Object> problem = new LinkedHashMap<>();
			problem.put("detail", e.getBody().getDetail());
			if (e.getBody().getProperties() != null) {
				problem.putAll(e.getBody().getProperties());
			}
			end(job.id(), JobState.FAILED, null, problem);
		}
		catch (RuntimeException e) {
			LOG.error("{} job {} failed", job.kind(), job.id(), e);
			end(job.id(), JobState.FAILED, null, Map.of("detail", "The job failed on the server; nothing was kept."));
		}
	}

	/**
	 * Ends the job of a node found dead: cancelled if a cancel was asked for, otherwise
	 * failed with the reason (its work's transaction died with the node, so nothing of it
	 * was kept). Returns true when the job had not started, to queue it again.
	 */
	boolean dead(String id, String reason) {
		Job job = repository.find(id).orElse(null);
		if (job == null || job.state().finished()) {
			return false;
		}
		if (job.state() == JobState.QUEUED) {
			return true;
		}
		LOG.warn("{} job {} ended: {}", job.kind(), id, reason);
		end(id, job.cancelRequested() ? JobState.CANCELLED : JobState.FAILED, null,
				job.cancelRequested() ? null : Map.of("detail", reason));
		return false;
	}

	private void end(String id, JobState state, String result, Map<String, Object> problem) {
		separate.executeWithoutResult(s -> {
			repository.finish(id, state, result, problem, clock.instant());
			repository.deleteInput(id);
			repository.find(id)
				.ifPresent(job -> events.publishEvent(new JobEnded(id, job.kind(), job.productKey(), state,
						job.createdBy(), problem == null ? null : String.valueOf(problem.get("detail")))));
		});
	}

	/** The job as its work sees it. */
	private final class Context implements JobContext {

		private final Job job;

		Context(Job job) {
			this.job = job;
		}

		@Override
		public String id() {
			return job.id();
		}

		@Override
		public String productKey() {
			return job.productKey();
		}

		@Override
		public Long createdBy() {
			return job.createdBy();
		}

		@Override
		public <T> T params(Class<T> type) {
			return json.readValue(job.params() == null ? "{}" : job.params(), type);
		}

		@Override
		public byte[] input() {
			return separate.execute(s -> repository.input(job.id()));
		}

		@Override
		public void progress(long done, long total) {
			if (Boolean.TRUE.equals(separate.execute(s -> repository.progress(job.id(), done, total)))) {
				throw new Jobs.Cancelled();
			}
		}

		@Override
		public boolean cancelRequested() {
			return repository.cancelRequested(job.id());
		}

	}

}
