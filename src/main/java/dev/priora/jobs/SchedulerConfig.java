package dev.priora.jobs;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Task;

/**
 * The scheduler's client, for every task the application declares as a bean (jobs,
 * recurring and one-off tasks). It writes through a transaction-aware data source, so a
 * task scheduled inside a transaction commits or rolls back with it.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerConfig {

	@Bean
	SchedulerClient schedulerClient(DataSource dataSource, List<Task<?>> tasks) {
		return SchedulerClient.Builder.create(new TransactionAwareDataSourceProxy(dataSource), tasks).build();
	}

}
