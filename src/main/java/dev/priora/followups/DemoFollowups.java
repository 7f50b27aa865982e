package dev.priora.followups;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.priora.backlog.DemoProductCreated;

/**
 * The demo's part: its sprints finished items customers asked for, so drafts were made as
 * they were done; those older than a week were sent back then (so feedback pages show
 * "Told"), the last week's wait on the Tell customers page.
 */
@Component
class DemoFollowups {

	private static final Logger LOG = LoggerFactory.getLogger(DemoFollowups.class);

	private static final Duration WAITING = Duration.ofDays(7);

	private final FollowupRepository repository;

	DemoFollowups(FollowupRepository repository) {
		this.repository = repository;
	}

	@EventListener
	@Order(60)
	void on(DemoProductCreated event) {
		Instant today = event.day().atStartOfDay(ZoneOffset.UTC).toInstant();
		int sent = repository.sentBefore(event.productKey(), today.minus(WAITING));
		LOG.info("Marked {} of the demo's messages to customers as sent long ago", sent);
	}

}
