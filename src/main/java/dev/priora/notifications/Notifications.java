package dev.priora.notifications;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.accounts.UserId;
import dev.priora.backlog.ItemIds;
import dev.priora.backlog.ItemKey;
import dev.priora.problem.DomainProblem;

/**
 * A person's notifications (newest first, read or not), their delivery preferences per
 * kind, and what they watch. Everything here acts for the signed-in user on their own
 * rows only; watching needs access to the product, which the caller's route checks.
 */
@Service
public class Notifications {

	/** Largest page. */
	public static final int MAX_PAGE_SIZE = 100;

	/** One page of notifications, and how many are unread in all. */
	public record Page(List<Notification> items, int page, int size, long total, long unread) {
	}

	/**
	 * Notifications about one thing (an item, or one feedback or import), newest first;
	 * groups in the order of their newest notification.
	 */
	public record Group(String productKey, String itemKey, String subject, String link, List<Notification> items) {

		public long unread() {
			return items.stream().filter(Notification::unread).count();
		}

		/** Groups the notifications (newest first) by what they are about. */
		public static List<Group> of(List<Notification> newestFirst) {
			Map<String, List<Notification>> byThing = new LinkedHashMap<>();
			for (Notification n : newestFirst) {
				byThing.computeIfAbsent(n.itemKey() != null ? n.itemKey() : n.link(), k -> new ArrayList<>()).add(n);
			}
			return byThing.values()
				.stream()
				.map(l -> new Group(l.get(0).productKey(), l.get(0).itemKey(), l.get(0).subject(), l.get(0).link(),
						List.copyOf(l)))
				.toList();
		}

	}

	/** A kind with the person's choice. */
	public record Preference(NotificationKind kind, Delivery delivery) {
	}

	private final NotificationRepository notifications;

	private final WatchRepository watches;

	private final ItemIds itemIds;

	private final Clock clock;

	Notifications(NotificationRepository notifications, WatchRepository watches, ItemIds itemIds, Clock clock) {
		this.notifications = notifications;
		this.watches = watches;
		this.itemIds = itemIds;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Page page(UserId user, boolean unreadOnly, int page, int size) {
		if (page < 0) {
			throw DomainProblem.invalid("page", "must be 0 or more");
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw DomainProblem.invalid("size", "must be from 1 to " + MAX_PAGE_SIZE);
		}
		long offset = (long) page * size;
		if (offset > Integer.MAX_VALUE) {
			throw DomainProblem.invalid("page", "is too large");
		}
		return new Page(notifications.page(user.value(), unreadOnly, (int) offset, size), page, size,
				notifications.count(user.value(), unreadOnly), notifications.count(user.value(), true));
	}

	@Transactional(readOnly = true)
	public long unreadCount(UserId user) {
		return notifications.count(user.value(), true);
	}

	/** Marks one of the user's notifications read (404 when it is not theirs). */
	@Transactional
	public void markRead(UserId user, long id) {
		if (!notifications.markRead(user.value(), id, clock.instant())) {
			throw DomainProblem.notFound("Notification " + id);
		}
	}

	/** Marks all the user's notifications read; returns how many were unread. */
	@Transactional
	public int markAllRead(UserId user) {
		return notifications.markAllRead(user.value(), clock.instant());
	}

	/** Every kind with the user's choice (IN_APP when never chosen). */
	@Transactional(readOnly = true)
	public List<Preference> preferences(UserId user) {
		Map<NotificationKind, Delivery> chosen = notifications.preferences(user.value());
		List<Preference> all = new ArrayList<>();
		for (NotificationKind kind : NotificationKind.values()) {
			all.add(new Preference(kind, chosen.getOrDefault(kind, kind.byDefault())));
		}
		return all;
	}

	/**
	 * Sets the given kinds' deliveries (kind and delivery by name; others stay): all or
	 * nothing, 400 naming each unknown kind or delivery.
	 */
	@Transactional
	public List<Preference> setPreferences(UserId user, Map<String, String> choices) {
		if (choices == null || choices.isEmpty()) {
			throw DomainProblem.invalid("preferences", "name at least one kind and its delivery");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		Map<NotificationKind, Delivery> parsed = new LinkedHashMap<>();
		choices.forEach((k, v) -> {
			NotificationKind kind = parse(NotificationKind.class, k);
			Delivery delivery = parse(Delivery.class, v);
			if (kind == null) {
				errors.put(String.valueOf(k), "is not a kind of notification");
			}
			else if (delivery == null) {
				errors.put(kind.name(), "must be IN_APP, EMAIL_NOW, EMAIL_DIGEST or OFF");
			}
			else {
				parsed.put(kind, delivery);
			}
		});
		if (!errors.isEmpty()) {
			throw DomainProblem.invalid(errors);
		}
		parsed.forEach((kind, delivery) -> notifications.setPreference(user.value(), kind, delivery));
		return preferences(user);
	}

	/** Whether the user watches the item itself. */
	@Transactional(readOnly = true)
	public boolean watchesItem(UserId user, ItemKey item) {
		return watches.watching(user.value(), WatchTarget.ITEM, itemId(item)).orElse(false);
	}

	/** Watches or unwatches the item (an epic: also its children). */
	@Transactional
	public void watchItem(UserId user, ItemKey item, boolean watching) {
		watches.set(user.value(), WatchTarget.ITEM, itemId(item), item.productKey(), watching, clock.instant());
	}

	@Transactional(readOnly = true)
	public boolean watchesRelease(UserId user, String productKey, long releaseId) {
		return watches.watching(user.value(), WatchTarget.RELEASE, releaseId(productKey, releaseId)).orElse(false);
	}

	@Transactional
	public void watchRelease(UserId user, String productKey, long releaseId, boolean watching) {
		watches.set(user.value(), WatchTarget.RELEASE, releaseId(productKey, releaseId), upper(productKey), watching,
				clock.instant());
	}

	@Transactional(readOnly = true)
	public boolean watchesInbox(UserId user, String productKey) {
		return watches.watching(user.value(), WatchTarget.INBOX, productId(productKey)).orElse(false);
	}

	@Transactional
	public void watchInbox(UserId user, String productKey, boolean watching) {
		watches.set(user.value(), WatchTarget.INBOX, productId(productKey), upper(productKey), watching,
				clock.instant());
	}

	private long itemId(ItemKey item) {
		return itemIds.get(item).value();
	}

	private long releaseId(String productKey, long releaseId) {
		if (!watches.releaseOf(upper(productKey), releaseId)) {
			throw DomainProblem.notFound("Release " + releaseId);
		}
		return releaseId;
	}

	private long productId(String productKey) {
		return watches.productId(upper(productKey)).orElseThrow(() -> DomainProblem.notFound("Product " + productKey));
	}

	private static String upper(String productKey) {
		return productKey.toUpperCase(java.util.Locale.ROOT);
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String name) {
		if (name == null) {
			return null;
		}
		try {
			return Enum.valueOf(type, name.strip().toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

}
