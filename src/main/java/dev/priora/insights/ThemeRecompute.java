package dev.priora.insights;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.priora.jobs.Job;
import dev.priora.jobs.JobContext;
import dev.priora.jobs.JobState;
import dev.priora.jobs.JobWork;
import dev.priora.jobs.Jobs;

/**
 * A recompute of a product's themes as a background job ({@value #KIND}): any node runs
 * it, with progress in four steps, one transaction, and a product's recomputes one at a
 * time. Started by "Recompute" and by {@link ThemeRefresh} after imports; a recompute
 * already queued is not queued twice.
 */
@Component
class ThemeRecompute implements JobWork {

	static final String KIND = "themes-recompute";

	private final ThemeBuilder builder;

	private final Jobs jobs;

	private final SpikeWatch spikes;

	ThemeRecompute(ThemeBuilder builder, Jobs jobs, SpikeWatch spikes) {
		this.builder = builder;
		this.jobs = jobs;
		this.spikes = spikes;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public Object run(JobContext context) {
		ThemeBuilder.Outcome outcome = builder.rebuild(context.productKey(), context::progress);
		spikes.check(context.productKey());
		return outcome;
	}

	/** Queues a recompute unless one is queued already; returns the queued one. */
	Job start(String productKey, String reason, Long user) {
		List<Job> recent = jobs.recent(KIND, productKey, 1);
		if (!recent.isEmpty() && recent.get(0).state() == JobState.QUEUED) {
			return recent.get(0);
		}
		return jobs.start(KIND, productKey, Map.of("reason", reason), null, user);
	}

	/** Whether a recompute is queued or running. */
	boolean busy(String productKey) {
		List<Job> recent = jobs.recent(KIND, productKey, 1);
		return !recent.isEmpty()
				&& (recent.get(0).state() == JobState.QUEUED || recent.get(0).state() == JobState.RUNNING);
	}

	/** Asks the product's running or queued recompute to stop (it rolls back). */
	void cancel(String productKey) {
		Job latest = latest(productKey);
		if (latest != null && !latest.state().finished()) {
			jobs.cancel(KIND, productKey, latest.id());
		}
	}

	/** The product's latest recompute, or null. */
	Job latest(String productKey) {
		List<Job> recent = jobs.recent(KIND, productKey, 1);
		return recent.isEmpty() ? null : recent.get(0);
	}

}
