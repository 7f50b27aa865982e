package dev.priora.jobs;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

/**
 * The recurring scheduler tasks every outbox (a table of things to send, written in the
 * causing transaction) is drained and pruned by: one node runs each at a time, a dead
 * node's run is taken over. The sender runs again 200 ms after each run ends, so a queued
 * row waits at most about one scheduler poll; the pruner runs hourly. Each outbox claims
 * its rows with a lease itself, so even two overlapping runs send a row once.
 */
public final class OutboxTasks {

	private OutboxTasks() {
	}

	/** The task sending an outbox's due rows ({@code sendDue} must not throw). */
	public static RecurringTask<Void> sender(String name, Runnable sendDue) {
		return Tasks.recurring(name, Schedules.fixedDelay(Duration.ofMillis(200)))
			.execute((instance, context) -> sendDue.run());
	}

	/** The task forgetting an outbox's old finished rows, hourly. */
	public static RecurringTask<Void> pruner(String name, Runnable prune) {
		return Tasks.recurring(name, Schedules.fixedDelay(Duration.ofHours(1)))
			.execute((instance, context) -> prune.run());
	}

}
