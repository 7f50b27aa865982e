package dev.priora.live;

import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * This node's live-update threads ({@code priora.live.threads}): the poller, the
 * heartbeat and the writes to the streams. They are per node because the streams are:
 * each node writes to the browsers connected to it, so a cluster-wide scheduler task (run
 * by one node) could not do it.
 */
@Component
@ConditionalOnWebApplication
class LiveThreads implements DisposableBean {

	private final ScheduledThreadPoolExecutor pool;

	LiveThreads(LiveSettings settings) {
		AtomicInteger n = new AtomicInteger();
		this.pool = new ScheduledThreadPoolExecutor(settings.threads(), r -> {
			Thread t = new Thread(r, "priora-live-" + n.incrementAndGet());
			t.setDaemon(true);
			return t;
		});
		this.pool.setRemoveOnCancelPolicy(true);
	}

	ScheduledExecutorService scheduler() {
		return pool;
	}

	Executor writers() {
		return pool;
	}

	@Override
	public void destroy() throws InterruptedException {
		pool.shutdownNow();
		pool.awaitTermination(5, TimeUnit.SECONDS);
	}

}
