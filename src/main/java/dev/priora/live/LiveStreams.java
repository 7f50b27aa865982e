package dev.priora.live;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.priora.accounts.ProductRoles;
import dev.priora.accounts.SignedInUser;

/**
 * The event streams connected to this node: opens one (the reconnect delay, then what the
 * browser missed since its {@code Last-Event-ID}), hands each new event of the change
 * table to the streams that may see it, and keeps idle streams open with a heartbeat
 * comment. A stream of a product page gets that product's events and the reader's own;
 * one outside products only the reader's own. Access is checked when a stream opens (the
 * route's) and again at each heartbeat: a reader who lost the product is disconnected.
 */
@Service
@ConditionalOnWebApplication
public class LiveStreams {

	/** Missed events sent on a reconnect at most; beyond, the page is told to reload. */
	static final int REPLAY = 500;

	private final Set<LiveConnection> connections = ConcurrentHashMap.newKeySet();

	private final LiveEventRepository events;

	private final LiveSettings settings;

	private final LiveThreads threads;

	private final ProductRoles roles;

	LiveStreams(LiveEventRepository events, LiveSettings settings, LiveThreads threads, ProductRoles roles) {
		this.events = events;
		this.settings = settings;
		this.threads = threads;
		this.roles = roles;
	}

	/**
	 * Opens a stream for the reader, of {@code productKey}'s events (null: only the
	 * reader's own), sending first what was missed after {@code lastEventId} (null: a new
	 * stream).
	 */
	public SseEmitter open(SignedInUser reader, String productKey, Long lastEventId) throws IOException {
		SseEmitter emitter = new SseEmitter(settings.timeout().toMillis());
		LiveConnection c = new LiveConnection(reader, productKey, emitter, settings.queueLimit());
		emitter.onCompletion(() -> forget(c));
		emitter.onTimeout(() -> {
			forget(c);
			emitter.complete();
		});
		emitter.onError(e -> forget(c));
		SseEmitter.SseEventBuilder hello = SseEmitter.event()
			.reconnectTime(settings.retry().toMillis())
			.comment("connected");
		// the poller waits for the replay, so the missed rows are queued before new ones
		// (a row may come twice: the pages' re-reads do not mind)
		synchronized (c) {
			connections.add(c);
			if (lastEventId != null) {
				emitter.send(hello);
				replay(c, lastEventId);
			}
			else {
				// a new stream starts at the newest change: the browser keeps it as its
				// last event id, so a reconnect before any event still gets what it
				// missed
				emitter.send(hello.id(Long.toString(events.newestId())));
			}
		}
		c.flush(threads.writers());
		return emitter;
	}

	private void replay(LiveConnection c, long after) {
		long oldest = events.oldestId();
		List<LiveEvent> missed = events.missed(after, events.now().minus(settings.retention()), c.productKey(),
				c.user().id().value(), REPLAY + 1);
		if ((oldest > after + 1 && after > 0) || missed.size() > REPLAY) {
			c.offer(SseEmitter.event().name("reload").data("{}"));
			return;
		}
		missed.forEach(e -> c.offer(LiveConnection.wire(e)));
	}

	/** Hands new events to the streams that may see them. */
	void deliver(List<LiveEvent> batch) {
		List<String> wire = batch.stream().map(LiveConnection::wire).toList();
		for (LiveConnection c : connections) {
			synchronized (c) {
				for (int i = 0; i < batch.size(); i++) {
					if (c.wants(batch.get(i)) && !c.offer(wire.get(i))) {
						break;
					}
				}
			}
			settle(c);
		}
	}

	/**
	 * A comment line on every stream, after checking that its reader may still see its
	 * product.
	 */
	void heartbeat() {
		Map<String, Boolean> allowed = new HashMap<>();
		for (LiveConnection c : connections) {
			String product = c.productKey();
			if (product != null && !allowed.computeIfAbsent(c.user().id().value() + "/" + product,
					k -> roles.canSee(c.user(), product))) {
				c.close();
			}
			else {
				c.offer(SseEmitter.event().comment("heartbeat"));
			}
			settle(c);
		}
	}

	/** Streams open on this node. */
	public int connected() {
		return connections.size();
	}

	/** Streams open on this node for one reader. */
	long connectedOf(long userId) {
		return connections.stream().filter(c -> c.user().id().value() == userId).count();
	}

	/** Ends every stream (the node stops; browsers reconnect to another). */
	void closeAll() {
		connections.forEach(LiveConnection::close);
		connections.clear();
	}

	private void settle(LiveConnection c) {
		if (c.closed()) {
			connections.remove(c);
		}
		else {
			c.flush(threads.writers());
		}
	}

	private void forget(LiveConnection c) {
		c.markClosed();
		connections.remove(c);
	}

}
