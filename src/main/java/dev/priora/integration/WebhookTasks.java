package dev.priora.integration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import dev.priora.jobs.OutboxTasks;

/**
 * The webhook dispatcher's recurring tasks on the job scheduler ({@link OutboxTasks}):
 * sending due deliveries and pruning the delivery log.
 */
@Configuration(proxyBeanMethods = false)
class WebhookTasks {

	@Bean
	RecurringTask<Void> webhookSend(WebhookDispatcher dispatcher) {
		return OutboxTasks.sender("webhook-send", dispatcher::sendDue);
	}

	@Bean
	RecurringTask<Void> webhookPrune(WebhookDispatcher dispatcher) {
		return OutboxTasks.pruner("webhook-prune", dispatcher::prune);
	}

}
