package dev.priora.integration;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

/**
 * The webhook dispatcher's recurring tasks on the job scheduler: sending due deliveries
 * (looked for at every poll of the scheduler) and pruning the delivery log (hourly). One
 * node runs each at a time; a dead node's run is taken over.
 */
@Configuration(proxyBeanMethods = false)
class WebhookTasks {

	@Bean
	RecurringTask<Void> webhookSend(WebhookDispatcher dispatcher) {
		return Tasks.recurring("webhook-send", Schedules.fixedDelay(Duration.ofMillis(200)))
			.execute((instance, context) -> dispatcher.sendDue());
	}

	@Bean
	RecurringTask<Void> webhookPrune(WebhookDispatcher dispatcher) {
		return Tasks.recurring("webhook-prune", Schedules.fixedDelay(Duration.ofHours(1)))
			.execute((instance, context) -> dispatcher.prune());
	}

}
