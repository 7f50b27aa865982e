package dev.priora.jobs;

import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;

/**
 * Runs due jobs and tasks on this node once the server is up (the command line, which has
 * no web server, only queues them). Before it starts it declares the executions its
 * former life (same node name) had picked dead, so a restarted node fails them at once;
 * other nodes' dead executions are found when their heartbeats lapse.
 */
@Component
@ConditionalOnWebApplication
class JobScheduler implements DisposableBean {

	private static final Logger LOG = LoggerFactory.getLogger(JobScheduler.class);

	private final DataSource dataSource;

	private final List<Task<?>> tasks;

	private final JobSettings settings;

	private final NodeName node;

	private final JobRepository repository;

	private volatile Scheduler scheduler;

	JobScheduler(DataSource dataSource, List<Task<?>> tasks, JobSettings settings, NodeName node,
			JobRepository repository) {
		this.dataSource = dataSource;
		this.tasks = tasks;
		this.settings = settings;
		this.node = node;
		this.repository = repository;
	}

	@EventListener(ApplicationReadyEvent.class)
	synchronized void start(ApplicationReadyEvent ready) {
		if (scheduler != null) {
			return;
		}
		int port = ready.getApplicationContext() instanceof WebServerApplicationContext web
				? web.getWebServer().getPort() : 0;
		node.resolve(port);
		int former = repository.expireHeartbeatsOf(node.get());
		if (former > 0) {
			LOG.warn("{} executions were still marked as running on this node ({}) before it started; they are"
					+ " handled as dead", former, node.get());
		}
		List<Task<?>> recurring = tasks.stream().filter(OnStartup.class::isInstance).toList();
		List<Task<?>> other = tasks.stream().filter(t -> !(t instanceof OnStartup)).toList();
		scheduler = Scheduler.create(dataSource, other)
			.startTasks(startTasks(recurring))
			.schedulerName(node::get)
			.threads(settings.threads())
			.pollingInterval(settings.pollingInterval())
			.heartbeatInterval(settings.heartbeatInterval())
			.missedHeartbeatsLimit(settings.missedHeartbeats())
			.shutdownMaxWait(settings.shutdownWait())
			.build();
		scheduler.start();
	}

	/** Tasks that schedule themselves when the scheduler starts (recurring ones). */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static List startTasks(List<Task<?>> tasks) {
		return tasks;
	}

	/** Looks for due executions now (a job was just queued on this node). */
	void wake() {
		Scheduler s = scheduler;
		if (s != null) {
			s.triggerCheckForDueExecutions();
		}
	}

	@Override
	public synchronized void destroy() {
		if (scheduler != null) {
			scheduler.stop();
			scheduler = null;
		}
	}

}
