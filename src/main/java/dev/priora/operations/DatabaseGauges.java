package dev.priora.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Meters read from the database, so they are the cluster's, the same on every node: jobs
 * queued and running ({@code priora.jobs.unfinished}), each outbox's waiting and failed
 * rows and the age of its oldest waiting row ({@code priora.outbox.*}, tag
 * {@code outbox=mail|webhooks}), and failed or throttled sign-ins from the audit log
 * ({@code priora.signin.failures}, a counter). One set of queries answers every meter and
 * is kept for {@code priora.metrics.database-refresh} (15 s), so a scrape costs at most
 * five indexed counts however often it comes.
 */
@Component
class DatabaseGauges implements MeterBinder {

	/** What the last queries found. */
	record Snapshot(Instant at, Map<String, Long> jobs, OperationsRepository.Outbox mail,
			OperationsRepository.Outbox webhooks, Map<String, Long> signIns) {
	}

	private final OperationsRepository repository;

	private final Clock clock;

	private final Duration refresh;

	private Snapshot snapshot;

	DatabaseGauges(OperationsRepository repository, Clock clock,
			@Value("${priora.metrics.database-refresh:15s}") Duration refresh) {
		this.repository = repository;
		this.clock = clock;
		this.refresh = refresh;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (String state : new String[] { "QUEUED", "RUNNING" }) {
			gauge(registry, "priora.jobs.unfinished", "Background jobs queued or running (cluster-wide)",
					s -> s.jobs().getOrDefault(state, 0L), null, "state", state.toLowerCase());
		}
		outbox(registry, "mail", Snapshot::mail);
		outbox(registry, "webhooks", Snapshot::webhooks);
		for (String[] type : new String[][] { { "SIGN_IN_FAILED", "bad-credentials" },
				{ "SIGN_IN_THROTTLED", "throttled" } }) {
			FunctionCounter
				.builder("priora.signin.failures", this, g -> g.current().signIns().getOrDefault(type[0], 0L))
				.description("Failed sign-ins recorded in the audit log (cluster-wide)")
				.tag("reason", type[1])
				.register(registry);
		}
	}

	private void outbox(MeterRegistry registry, String name,
			java.util.function.Function<Snapshot, OperationsRepository.Outbox> which) {
		gauge(registry, "priora.outbox.pending", "Messages waiting to be sent (cluster-wide)",
				s -> which.apply(s).pending(), null, "outbox", name);
		gauge(registry, "priora.outbox.failed", "Messages given up after the last retry (cluster-wide)",
				s -> which.apply(s).failed(), null, "outbox", name);
		gauge(registry, "priora.outbox.oldest.pending.age", "How long the oldest waiting message has waited",
				s -> which.apply(s).oldestPending() == null ? 0
						: Math.max(0, Duration.between(which.apply(s).oldestPending(), s.at()).toSeconds()),
				"seconds", "outbox", name);
	}

	private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<Snapshot> value,
			String unit, String tag, String tagValue) {
		Gauge.builder(name, this, g -> value.applyAsDouble(g.current()))
			.description(description)
			.baseUnit(unit)
			.tag(tag, tagValue)
			.register(registry);
	}

	/** The last snapshot, read again when older than the refresh interval. */
	synchronized Snapshot current() {
		Instant now = clock.instant();
		if (snapshot == null || !snapshot.at().plus(refresh).isAfter(now)) {
			snapshot = new Snapshot(now, repository.unfinishedJobs(), repository.mail(), repository.webhooks(),
					repository.signInFailures());
		}
		return snapshot;
	}

}
