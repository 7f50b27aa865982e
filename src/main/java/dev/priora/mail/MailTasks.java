package dev.priora.mail;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import dev.priora.jobs.OutboxTasks;

/**
 * The mail dispatcher's recurring tasks on the job scheduler ({@link OutboxTasks}):
 * sending due mails and pruning the delivery log.
 */
@Configuration(proxyBeanMethods = false)
class MailTasks {

	@Bean
	RecurringTask<Void> mailSend(MailDispatcher dispatcher) {
		return OutboxTasks.sender("mail-send", dispatcher::sendDue);
	}

	@Bean
	RecurringTask<Void> mailPrune(MailDispatcher dispatcher) {
		return OutboxTasks.pruner("mail-prune", dispatcher::prune);
	}

}
