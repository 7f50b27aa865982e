package dev.priora.live;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reads the change table every {@code priora.live.poll-interval} on this node and hands
 * new rows to its streams. Ids come from a sequence, so a row with a smaller id can
 * become visible after a larger one (two writers commit out of order): the poller reads
 * again every row above its mark, sends the ones it has not sent, and moves its mark only
 * past rows older than {@link #SETTLE} by the database's clock, by which time every
 * smaller id has committed (the writes are single short transactions).
 */
@Component
@ConditionalOnWebApplication
class LivePoller {

	static final Duration SETTLE = Duration.ofSeconds(3);

	private static final int BATCH = 1000;

	private static final Logger LOG = LoggerFactory.getLogger(LivePoller.class);

	private final LiveEventRepository events;

	private final LiveStreams streams;

	private final LiveThreads threads;

	private final LiveSettings settings;

	private final NavigableSet<Long> sent = new ConcurrentSkipListSet<>();

	private volatile long mark = -1;

	LivePoller(LiveEventRepository events, LiveStreams streams, LiveThreads threads, LiveSettings settings) {
		this.events = events;
		this.streams = streams;
		this.threads = threads;
		this.settings = settings;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		mark = events.newestId();
		long poll = settings.pollInterval().toMillis();
		threads.scheduler().scheduleWithFixedDelay(this::pollQuietly, poll, poll, TimeUnit.MILLISECONDS);
		long beat = settings.heartbeat().toMillis();
		threads.scheduler().scheduleWithFixedDelay(this::heartbeatQuietly, beat, beat, TimeUnit.MILLISECONDS);
	}

	@EventListener(ContextClosedEvent.class)
	void stop() {
		streams.closeAll();
	}

	/** Reads and delivers what is new; answers how many rows were sent. */
	synchronized int poll() {
		int delivered = 0;
		long cursor = mark;
		boolean settling = true;
		LiveEventRepository.Batch batch;
		do {
			batch = events.after(cursor, BATCH);
			List<LiveEvent> fresh = new ArrayList<>();
			for (LiveEvent e : batch.events()) {
				if (sent.add(e.id())) {
					fresh.add(e);
				}
				cursor = e.id();
			}
			if (!fresh.isEmpty()) {
				streams.deliver(fresh);
				delivered += fresh.size();
			}
			settling = settling && advance(batch);
		}
		while (batch.events().size() == BATCH);
		return delivered;
	}

	/** Moves the mark past the batch's settled rows; false when one was not settled. */
	private boolean advance(LiveEventRepository.Batch batch) {
		Instant settled = batch.now().minus(SETTLE);
		boolean all = true;
		for (LiveEvent e : batch.events()) {
			if (e.createdAt().isAfter(settled)) {
				all = false;
				break;
			}
			mark = e.id();
		}
		sent.headSet(mark, true).clear();
		return all;
	}

	private void pollQuietly() {
		try {
			poll();
		}
		catch (RuntimeException e) {
			LOG.warn("Live updates: reading the change table failed; trying again", e);
		}
	}

	private void heartbeatQuietly() {
		try {
			streams.heartbeat();
		}
		catch (RuntimeException e) {
			LOG.warn("Live updates: the heartbeat failed", e);
		}
	}

}
