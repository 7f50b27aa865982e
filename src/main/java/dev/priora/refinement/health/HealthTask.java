package dev.priora.refinement.health;

import java.time.LocalTime;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

/**
 * The daily health run as a recurring task of the job scheduler (one execution row, so
 * one node runs it each day), at {@code priora.health.hour} (0 to 23, default 5) in
 * {@code priora.mail.digest-zone} (default UTC): before the daily digest, so a weekly
 * summary chosen for the digest goes with it.
 */
@Configuration(proxyBeanMethods = false)
class HealthTask {

	@Bean
	RecurringTask<Void> backlogHealthTask(HealthDaily daily, @Value("${priora.health.hour:5}") int hour,
			@Value("${priora.mail.digest-zone:UTC}") ZoneId zone) {
		if (hour < 0 || hour > 23) {
			throw new IllegalStateException("priora.health.hour must be 0 to 23, not " + hour);
		}
		return Tasks.recurring("backlog-health", Schedules.daily(zone, LocalTime.of(hour, 0)))
			.execute((instance, context) -> daily.runDue());
	}

}
