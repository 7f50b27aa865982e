package dev.priora.notifications;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.priora.insights.ThemeSpiked;
import dev.priora.notifications.Notifier.Cause;

/**
 * A spike in a product's feedback (a theme or kind growing fast this week), to the
 * watchers of its inbox, once per spike and week (the insights module announces each
 * once).
 */
@Component
class InsightNotifications {

	private final Notifier notifier;

	private final WatchRepository watches;

	InsightNotifications(Notifier notifier, WatchRepository watches) {
		this.notifier = notifier;
		this.watches = watches;
	}

	@EventListener
	void on(ThemeSpiked e) {
		watches.productId(e.productKey())
			.ifPresent(
					id -> notifier.notify(watches.watchersOf(WatchTarget.INBOX, id),
							new Cause(NotificationKind.THEME_SPIKE, e.productKey(), null, e.label(), e.thisWeek()
									+ " feedback in the last 7 days (" + e.weeksBefore() + " in the 4 weeks before)",
									e.link(), null)));
	}

}
