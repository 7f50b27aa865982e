package dev.priora.live;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

/**
 * Forgets change-table rows older than {@code priora.live.retention}, every minute, on
 * one node at a time (a recurring task of the job scheduler).
 */
@Configuration(proxyBeanMethods = false)
class LiveTasks {

	@Bean
	RecurringTask<Void> livePrune(LiveEventRepository events, LiveSettings settings) {
		return Tasks.recurring("live-prune", Schedules.fixedDelay(Duration.ofMinutes(1)))
			.execute((instance, context) -> events.prune(settings.retention()));
	}

}
