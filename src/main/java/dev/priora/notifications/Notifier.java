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
 * administrator; active), less anyone who turned the kind off; and queues, in the same
 * transaction, the e-mail of each of them who chose "e-mail now" for the kind
 * ({@link NotificationMails}). Returns who was notified, and tells it with
 * {@link NotificationsWritten}.
 */
@Component
class Notifier {

	/**
	 * What happened, where, and who did it (null: nobody in particular).
	 *
	 * @param action what happened, after the actor's name ("commented")
	 * @param quote the words it was about, in full (a comment), or null: the notification
	 * shows an excerpt, the e-mail quotes it whole
	 */
	record Cause(NotificationKind kind, String productKey, String itemKey, String subject, String action, String quote,
			String link, UserId actor) {

		Cause(NotificationKind kind, String productKey, String itemKey, String subject, String action, String link,
				UserId actor) {
			this(kind, productKey, itemKey, subject, action, null, link, actor);
		}

		/** The notification's message: the action, and an excerpt of the quote. */
		String message() {
			return quote == null ? action : action + ": " + excerpt(quote);
		}

		/** Where it happened, in words: the item's key and title, or the subject. */
		String where() {
			return itemKey == null ? subject : itemKey + " " + subject;
		}

		static String excerpt(String text) {
			String flat = text.strip().replaceAll("\\s+", " ");
			return flat.length() > 160 ? flat.substring(0, 159) + "…" : flat;
		}

	}

	private final NotificationRepository notifications;

	private final WatchRepository watches;

	private final NotificationMails mails;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Notifier(NotificationRepository notifications, WatchRepository watches, NotificationMails mails, Clock clock,
			ApplicationEventPublisher events) {
		this.notifications = notifications;
		this.watches = watches;
		this.mails = mails;
		this.clock = clock;
		this.events = events;
	}

	Set<Long> notify(Collection<Long> users, Cause cause) {
		Set<Long> to = new LinkedHashSet<>(users);
		if (cause.actor() != null) {
			to.remove(cause.actor().value());
		}
		to.retainAll(watches.withAccess(cause.productKey(), to));
		Map<Long, Delivery> chosen = notifications.deliveries(to, cause.kind());
		for (long user : to) {
			chosen.putIfAbsent(user, cause.kind().byDefault());
		}
		to.removeIf(u -> chosen.get(u) == Delivery.OFF);
		for (long user : to) {
			notifications.insert(new NewNotification(user, cause.kind(), cause.productKey(), cause.itemKey(),
					cause.subject(), cause.message(), cause.link(),
					cause.actor() == null ? null : cause.actor().value(), clock.instant()));
		}
		mails.now(to.stream().filter(u -> chosen.get(u) == Delivery.EMAIL_NOW).toList(), cause);
		if (!to.isEmpty()) {
			events.publishEvent(new NotificationsWritten(cause.productKey(), to));
		}
		return to;
	}

}
