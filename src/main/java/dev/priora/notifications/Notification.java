package dev.priora.notifications;

import java.time.Instant;

/**
 * One notification as its reader sees it: what, where (product and item key, null when
 * about no item), the message, a link (an application path) and when it was read (null:
 * unread).
 */
public record Notification(long id, NotificationKind kind, String productKey, String itemKey, String subject,
		String message, String link, String actor, Instant createdAt, Instant readAt) {

	public boolean unread() {
		return readAt == null;
	}

}
