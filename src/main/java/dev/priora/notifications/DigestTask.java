package dev.priora.notifications;

import java.time.LocalTime;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

/**
 * The daily digest as a recurring task of the job scheduler: one execution row in the
 * database, so one node runs it each day (a dead node's run is taken over), at
 * {@code priora.mail.digest-hour} (0 to 23, default 7) in {@code priora.mail.digest-zone}
 * (default UTC).
 */
@Configuration(proxyBeanMethods = false)
class DigestTask {

	@Bean
	RecurringTask<Void> notificationDigest(DigestMails digests, @Value("${priora.mail.digest-hour:7}") int hour,
			@Value("${priora.mail.digest-zone:UTC}") ZoneId zone) {
		if (hour < 0 || hour > 23) {
			throw new IllegalStateException("priora.mail.digest-hour must be 0 to 23, not " + hour);
		}
		return Tasks.recurring("notification-digest", Schedules.daily(zone, LocalTime.of(hour, 0)))
			.execute((instance, context) -> digests.sendDue());
	}

}
