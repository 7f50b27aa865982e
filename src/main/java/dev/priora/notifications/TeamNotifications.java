package dev.priora.notifications;

import java.time.Clock;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.priora.backlog.ItemId;
import dev.priora.backlog.ItemIds;
import dev.priora.backlog.ItemKey;
import dev.priora.feedback.FeedbackReceived;
import dev.priora.jobs.JobEnded;
import dev.priora.jobs.JobState;
import dev.priora.notifications.Notifier.Cause;
import dev.priora.planning.PlanApplied;
import dev.priora.progress.ItemAssigned;
import dev.priora.progress.ItemReviewed;

/**
 * What the team's and the product's work notifies: an assignment (the assignee, matched
 * to a user by e-mail, also starts watching), a sprint review's verdict and an applied
 * plan's moves (to the item's assignee), new feedback (to the inbox's watchers), and an
 * import's end (to who started it).
 */
@Component
class TeamNotifications {

	private final Notifier notifier;

	private final WatchRepository watches;

	private final ItemIds itemIds;

	private final Clock clock;

	TeamNotifications(Notifier notifier, WatchRepository watches, ItemIds itemIds, Clock clock) {
		this.notifier = notifier;
		this.watches = watches;
		this.itemIds = itemIds;
		this.clock = clock;
	}

	private Optional<WatchRepository.ItemFacts> item(ItemKey key) {
		return itemIds.find(key).map(ItemId::value).flatMap(watches::item);
	}

	@EventListener
	void on(ItemAssigned e) {
		String product = e.item().productKey();
		var item = item(e.item());
		var user = watches.activeUserByEmail(e.email());
		if (item.isEmpty() || user.isEmpty()) {
			return;
		}
		String key = e.item().toString();
		Set<Long> notified = notifier.notify(Set.of(user.get()), new Cause(NotificationKind.ASSIGNED, product, key,
				item.get().title(), "assigned it to you", ItemNotifications.link(key), e.actor()));
		if (!notified.isEmpty()) {
			watches.watchIfNew(user.get(), WatchTarget.ITEM, item.get().id(), product, clock.instant());
		}
	}

	@EventListener
	void on(ItemReviewed e) {
		String product = e.item().productKey();
		var item = item(e.item());
		if (item.isEmpty()) {
			return;
		}
		Set<Long> owners = new HashSet<>();
		owners.add(item.get().createdBy());
		watches.activeUserByEmail(item.get().assigneeEmail()).ifPresent(owners::add);
		String key = e.item().toString();
		String verdict = e.accepted() ? "accepted it in the review of " + e.sprintName()
				: "rejected it in the review of " + e.sprintName() + ": " + e.reason();
		notifier.notify(owners, new Cause(NotificationKind.REVIEWED, product, key, e.title(), verdict,
				ItemNotifications.link(key), e.actor()));
	}

	@EventListener
	void on(PlanApplied e) {
		for (String key : e.moved()) {
			long number = Long.parseLong(key.substring(key.lastIndexOf('-') + 1));
			item(new ItemKey(e.productKey(), number)).ifPresent(item -> {
				var user = watches.activeUserByEmail(item.assigneeEmail());
				user.ifPresent(u -> notifier.notify(Set.of(u),
						new Cause(NotificationKind.PLAN_MOVED, e.productKey(), key, item.title(),
								"applied the plan \"" + e.name() + "\", which moved it", ItemNotifications.link(key),
								e.actor())));
			});
		}
	}

	@EventListener
	void on(FeedbackReceived e) {
		watches.productId(e.productKey())
			.ifPresent(id -> notifier.notify(watches.watchersOf(WatchTarget.INBOX, id),
					new Cause(NotificationKind.FEEDBACK_RECEIVED, e.productKey(), null, e.title(),
							"new feedback in the inbox (" + e.channel().toLowerCase(java.util.Locale.ROOT) + ")",
							"/p/" + e.productKey() + "/feedback/" + e.feedbackId(), null)));
	}

	@EventListener
	void on(JobEnded e) {
		if (e.createdBy() == null || e.productKey() == null || !e.kind().endsWith("-import")) {
			return;
		}
		boolean feedback = e.kind().startsWith("feedback");
		String what = feedback ? "Feedback import" : "Backlog import";
		String message = switch (e.state()) {
			case DONE -> "finished";
			case CANCELLED -> "was cancelled";
			default -> "failed" + (e.detail() == null ? "" : ": " + e.detail());
		};
		if (e.state() != JobState.DONE && e.state() != JobState.CANCELLED && e.state() != JobState.FAILED) {
			return;
		}
		String link = "/p/" + e.productKey() + (feedback ? "/feedback/import/" : "/import/") + e.jobId();
		notifier.notify(Set.of(e.createdBy()),
				new Cause(NotificationKind.IMPORT_ENDED, e.productKey(), null, what, message, link, null));
	}

}
