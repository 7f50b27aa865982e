package dev.priora.live;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How live updates run on this node ({@code priora.live.*}).
 *
 * @param pollInterval how often this node reads new rows of the change table (the delay
 * between a commit and its event, at most about this plus the send)
 * @param heartbeat how often an idle stream gets a comment line, so proxies and browsers
 * keep it open (keep a reverse proxy's read timeout above it); each connection's access
 * to its product is checked again at this pace
 * @param retention how long events are kept for reconnecting browsers
 * ({@code Last-Event-ID}); older rows are pruned
 * @param timeout how long one stream stays open before the server ends it (the browser
 * reconnects and is sent what it missed)
 * @param retry the reconnect delay the browser is told ({@code retry:})
 * @param queueLimit events a connection may have waiting to be written; a client that
 * falls further behind is disconnected (it reconnects and replays)
 * @param threads threads writing to this node's streams (writes to a slow client block
 * one of them)
 */
@ConfigurationProperties("priora.live")
public record LiveSettings(@DefaultValue("250ms") Duration pollInterval, @DefaultValue("15s") Duration heartbeat,
		@DefaultValue("10m") Duration retention, @DefaultValue("30m") Duration timeout,
		@DefaultValue("3s") Duration retry, @DefaultValue("1000") int queueLimit, @DefaultValue("4") int threads) {

	public LiveSettings {
		if (pollInterval.isNegative() || pollInterval.isZero() || heartbeat.isZero() || queueLimit < 1 || threads < 1) {
			throw new IllegalArgumentException("priora.live: poll-interval and heartbeat must be positive, "
					+ "queue-limit and threads at least 1");
		}
	}

}
