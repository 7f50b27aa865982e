package dev.priora.operations;

import java.time.Duration;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.priora.jobs.Job;
import dev.priora.jobs.JobEnded;
import dev.priora.jobs.Jobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * This node's meters of the background jobs it ran, counted once a job's end is
 * committed: {@code priora.jobs.ended} (tags {@code kind} — {@code feedback-import},
 * {@code backlog-import}, {@code plan} for optimizer runs … — and {@code state}
 * {@code done|failed|cancelled}), {@code priora.jobs.duration} (from start to end, same
 * tags) and {@code priora.jobs.items} (the job's progress count at its end: the rows an
 * import went through). Nothing is counted before a registry is bound (the command line's
 * imports run without one).
 */
@Component
class JobMeters implements MeterBinder {

	private final Jobs jobs;

	private volatile MeterRegistry registry;

	JobMeters(Jobs jobs) {
		this.jobs = jobs;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.registry = registry;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void ended(JobEnded event) {
		MeterRegistry meters = registry;
		if (meters == null) {
			return;
		}
		String state = event.state().name().toLowerCase();
		Counter.builder("priora.jobs.ended")
			.description("Background jobs ended on this node")
			.tags("kind", event.kind(), "state", state)
			.register(meters)
			.increment();
		Job job = jobs.byIds(List.of(event.jobId())).get(event.jobId());
		if (job == null) {
			return;
		}
		if (job.startedAt() != null && job.finishedAt() != null) {
			Timer.builder("priora.jobs.duration")
				.description("Time from a job's start to its end")
				.tags("kind", event.kind(), "state", state)
				.register(meters)
				.record(Duration.between(job.startedAt(), job.finishedAt()));
		}
		Counter.builder("priora.jobs.items")
			.description("Items (import rows) jobs went through")
			.tags("kind", event.kind())
			.register(meters)
			.increment(job.done());
	}

}
