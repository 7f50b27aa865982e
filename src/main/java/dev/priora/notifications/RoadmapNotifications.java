package dev.priora.notifications;

import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.priora.notifications.Notifier.Cause;
import dev.priora.progress.ReleaseFlagChanged;
import dev.priora.roadmap.RoadmapCommented;

/**
 * What the roadmap and the releases on it notify: a release's forecast flag changing (on
 * track, at risk, off track), to the release's watchers with the flag before and after;
 * and mentions in roadmap comments, to the product's members mentioned.
 */
@Component
class RoadmapNotifications {

	private final Notifier notifier;

	private final WatchRepository watches;

	private final MentionedMembers mentions;

	RoadmapNotifications(Notifier notifier, WatchRepository watches, MentionedMembers mentions) {
		this.notifier = notifier;
		this.watches = watches;
		this.mentions = mentions;
	}

	@EventListener
	void on(ReleaseFlagChanged e) {
		notifier.notify(watches.watchersOf(WatchTarget.RELEASE, e.releaseId()),
				new Cause(NotificationKind.RELEASE_FLAG, e.productKey(), null, e.releaseName(),
						"the forecast went from " + e.from() + " to " + e.to(),
						"/p/" + e.productKey() + "/releases/" + e.releaseId() + "/progress", null));
	}

	@EventListener
	void on(RoadmapCommented e) {
		Set<Long> mentioned = mentions.in(e.productKey(), e.body());
		String subject = e.entry().isEmpty() ? "Roadmap" : "Roadmap: " + e.entry();
		notifier.notify(mentioned,
				new Cause(NotificationKind.MENTIONED, e.productKey(), null, subject,
						"mentioned you in " + (e.feedback() ? "feedback on the roadmap" : "a roadmap comment"),
						e.body(), "/p/" + e.productKey() + "/roadmap", e.author()));
	}

}
