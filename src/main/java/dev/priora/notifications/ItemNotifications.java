package dev.priora.notifications;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.priora.accounts.UserId;
import dev.priora.backlog.BacklogEvents.CommentAdded;
import dev.priora.backlog.BacklogEvents.DescriptionWritten;
import dev.priora.backlog.BacklogEvents.StatusChanged;
import dev.priora.backlog.ItemStatus;
import dev.priora.notifications.Notifier.Cause;
import dev.priora.notifications.WatchRepository.ItemFacts;

/**
 * What an item's own changes notify: mentions in its description and comments, comments
 * and status changes to its watchers, and its being done to the watchers and assignees of
 * the items that wait on it. The author and commenters start watching it.
 */
@Component
class ItemNotifications {

	private final Notifier notifier;

	private final WatchRepository watches;

	private final MentionedMembers mentioned;

	private final Clock clock;

	ItemNotifications(Notifier notifier, WatchRepository watches, MentionedMembers mentioned, Clock clock) {
		this.notifier = notifier;
		this.watches = watches;
		this.mentioned = mentioned;
		this.clock = clock;
	}

	@EventListener
	void on(DescriptionWritten e) {
		String product = e.key().productKey();
		if (e.previous() == null) {
			watches.watchIfNew(e.actor().value(), WatchTarget.ITEM, e.item().value(), product, clock.instant());
		}
		Set<Long> mentioned = mentions(product, e.description());
		mentioned.removeAll(mentions(product, e.previous()));
		notifier.notify(mentioned, new Cause(NotificationKind.MENTIONED, product, e.key().toString(), e.title(),
				"mentioned you in the description", link(e.key().toString()), e.actor()));
	}

	@EventListener
	void on(CommentAdded e) {
		String product = e.key().productKey();
		watches.watchIfNew(e.author().value(), WatchTarget.ITEM, e.item().value(), product, clock.instant());
		String key = e.key().toString();
		Set<Long> mentioned = mentions(product, e.body());
		notifier.notify(mentioned, new Cause(NotificationKind.MENTIONED, product, key, e.title(),
				"mentioned you in a comment", e.body(), link(key), e.author()));
		Set<Long> watchers = watchers(e.item().value());
		watchers.removeAll(mentioned);
		notifier.notify(watchers, new Cause(NotificationKind.COMMENTED, product, key, e.title(), "commented", e.body(),
				link(key), e.author()));
	}

	@EventListener
	void on(StatusChanged e) {
		String product = e.key().productKey();
		String key = e.key().toString();
		notifier.notify(watchers(e.item().value()), new Cause(NotificationKind.STATUS_CHANGED, product, key, e.title(),
				"changed the status from " + e.from().label() + " to " + e.to().label(), link(key), e.actor()));
		if (e.to() != ItemStatus.DONE) {
			return;
		}
		for (long waiting : watches.waitingOn(e.item().value())) {
			watches.item(waiting).ifPresent(item -> {
				Set<Long> users = watchers(item);
				assignee(item).ifPresent(users::add);
				notifier.notify(users, new Cause(NotificationKind.DEPENDENCY_DONE, product, item.key(), item.title(),
						key + " " + e.title() + ", which it waits on, is done", link(item.key()), e.actor()));
			});
		}
	}

	Set<Long> watchers(long itemId) {
		return watches.item(itemId).map(this::watchers).orElseGet(HashSet::new);
	}

	private Set<Long> watchers(ItemFacts item) {
		return new HashSet<>(watches.watchersOf(item));
	}

	java.util.Optional<Long> assignee(ItemFacts item) {
		return watches.activeUserByEmail(item.assigneeEmail());
	}

	/** Members of the product the text mentions (only members can be found). */
	private Set<Long> mentions(String productKey, String text) {
		return mentioned.in(productKey, text);
	}

	static String link(String itemKey) {
		int dash = itemKey.lastIndexOf('-');
		return "/p/" + itemKey.substring(0, dash) + "/items/" + itemKey;
	}

	static UserId user(Long id) {
		return id == null ? null : new UserId(id);
	}

}
