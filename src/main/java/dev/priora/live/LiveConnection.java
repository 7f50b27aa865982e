package dev.priora.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter.SseEventBuilder;

import dev.priora.accounts.SignedInUser;

/**
 * One browser's stream: who reads it, for which product (null: a page outside products,
 * which gets only the person's own events), and what waits to be written. Its writes run
 * one at a time on the hub's threads, in the order they were queued; a client that lets
 * more than the queue limit pile up is disconnected (it reconnects and is sent what it
 * missed).
 */
final class LiveConnection {

	private static final MediaType UTF8_TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

	private final SignedInUser user;

	private final String productKey;

	private final SseEmitter emitter;

	private final int limit;

	private final Queue<String> queue = new ConcurrentLinkedQueue<>();

	private final AtomicInteger queued = new AtomicInteger();

	private final AtomicBoolean writing = new AtomicBoolean();

	private final AtomicBoolean closed = new AtomicBoolean();

	LiveConnection(SignedInUser user, String productKey, SseEmitter emitter, int limit) {
		this.user = user;
		this.productKey = productKey;
		this.emitter = emitter;
		this.limit = limit;
	}

	SignedInUser user() {
		return user;
	}

	String productKey() {
		return productKey;
	}

	SseEmitter emitter() {
		return emitter;
	}

	boolean closed() {
		return closed.get();
	}

	boolean wants(LiveEvent event) {
		return event.reaches(user.id().value(), productKey);
	}

	/**
	 * The event as written to a stream (its lines in the event-stream format), built once
	 * and shared by every stream it goes to.
	 */
	static String wire(LiveEvent event) {
		return wire(SseEmitter.event()
			.id(Long.toString(event.id()))
			.name(event.type())
			.data(event.payload(), MediaType.TEXT_PLAIN));
	}

	private static String wire(SseEventBuilder event) {
		StringBuilder text = new StringBuilder();
		event.build().forEach(part -> text.append(part.getData()));
		return text.toString();
	}

	boolean offer(SseEventBuilder event) {
		return offer(wire(event));
	}

	/**
	 * Queues the event's text; false (and the stream ended) when the client is too far
	 * behind.
	 */
	boolean offer(String event) {
		if (closed.get()) {
			return false;
		}
		if (queued.incrementAndGet() > limit) {
			close();
			return false;
		}
		queue.add(event);
		return true;
	}

	/** Writes what is queued on one of {@code threads}, unless a write is under way. */
	void flush(Executor threads) {
		if (!closed.get() && !queue.isEmpty() && writing.compareAndSet(false, true)) {
			threads.execute(() -> write(threads));
		}
	}

	private void write(Executor threads) {
		try {
			// everything queued goes out as one text: one converter call, one write and
			// one
			// flush (a part each would cost a write each)
			StringBuilder batch = new StringBuilder();
			String next;
			while (!closed.get() && (next = queue.poll()) != null) {
				queued.decrementAndGet();
				batch.append(next);
			}
			if (!batch.isEmpty() && !closed.get()) {
				emitter.send(Set.of(new DataWithMediaType(batch.toString(), UTF8_TEXT)));
			}
		}
		catch (IOException | IllegalStateException e) {
			// the client went away (the container ends the request) or the stream already
			// ended: the hub forgets this connection
			markClosed();
		}
		finally {
			writing.set(false);
		}
		flush(threads);
	}

	/** Ends the stream; the browser reconnects on its own. */
	void close() {
		if (closed.compareAndSet(false, true)) {
			queue.clear();
			emitter.complete();
		}
	}

	void markClosed() {
		closed.set(true);
		queue.clear();
	}

}
