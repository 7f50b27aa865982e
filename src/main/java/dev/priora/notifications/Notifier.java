package dev.priora.notifications;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import dev.priora.accounts.UserId;
import dev.priora.notifications.NotificationRepository.NewNotification;

/**
 * Writes one cause's notifications in the caller's transaction, to the people it concerns
 * less the actor, less anyone who cannot see the product now (a role in it, or an
 * administrator; active), less anyone who turned the kind off. Returns who was notified,
 * and tells it with {@link NotificationsWritten}.
 */
@Component
class Notifier {

	/** What happened, where, and who did it (null: nobody in particular). */
	record Cause(NotificationKind kind, String productKey, String itemKey, String subject, String message, String link,
			UserId actor) {
	}

	private final NotificationRepository notifications;

	private final WatchRepository watches;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Notifier(NotificationRepository notifications, WatchRepository watches, Clock clock,
			ApplicationEventPublisher events) {
		this.notifications = notifications;
		this.watches = watches;
		this.clock = clock;
		this.events = events;
	}

	Set<Long> notify(Collection<Long> users, Cause cause) {
		Set<Long> to = new LinkedHashSet<>(users);
		if (cause.actor() != null) {
			to.remove(cause.actor().value());
		}
		to.retainAll(watches.withAccess(cause.productKey(), to));
		Map<Long, Delivery> off = notifications.deliveries(to, cause.kind());
		to.removeIf(u -> off.get(u) == Delivery.OFF);
		for (long user : to) {
			notifications.insert(new NewNotification(user, cause.kind(), cause.productKey(), cause.itemKey(),
					cause.subject(), cause.message(), cause.link(),
					cause.actor() == null ? null : cause.actor().value(), clock.instant()));
		}
		if (!to.isEmpty()) {
			events.publishEvent(new NotificationsWritten(cause.productKey(), to));
		}
		return to;
	}

}
