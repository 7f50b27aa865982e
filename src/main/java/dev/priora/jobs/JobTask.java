package dev.priora.jobs;

import java.time.Clock;
import java.time.Duration;

import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;

/**
 * The scheduler's task behind every job: one execution per job, its instance id the job's
 * id. A job waiting behind an older one of its queue looks again after the polling
 * interval; when the node running a job is found dead, the job is failed (or, if it had
 * not started, queued again).
 */
@Component
class JobTask extends OneTimeTask<Void> {

	static final String NAME = "priora-job";

	private final JobRunner runner;

	private final JobSettings settings;

	private final Clock clock;

	JobTask(JobRunner runner, JobSettings settings, Clock clock) {
		super(NAME, Void.class, new FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(5)),
				(complete, operations) -> {
					if (runner.dead(complete.getExecution().taskInstance.getId(),
							deadReason(complete.getExecution().pickedBy))) {
						operations.reschedule(complete, clock.instant());
					}
					else {
						operations.remove();
					}
				});
		this.runner = runner;
		this.settings = settings;
		this.clock = clock;
	}

	private static String deadReason(String node) {
		return "The server running this job (" + node
				+ ") stopped before the job finished; nothing of it was kept. Start it again.";
	}

	@Override
	public CompletionHandler<Void> execute(TaskInstance<Void> instance, ExecutionContext context) {
		return switch (runner.run(instance.getId())) {
			case END -> new CompletionHandler.OnCompleteRemove<>();
			case WAIT -> (complete, operations) -> operations.reschedule(complete,
					clock.instant().plus(settings.pollingInterval()));
		};
	}

	@Override
	public void executeOnce(TaskInstance<Void> instance, ExecutionContext context) {
		throw new UnsupportedOperationException("jobs run through execute");
	}

}
