package dev.priora.notifications;

import java.util.Set;

/**
 * New in-app notifications were written for {@code users} (ids), about
 * {@code productKey}, in the publishing transaction.
 */
public record NotificationsWritten(String productKey, Set<Long> users) {

	public NotificationsWritten {
		users = Set.copyOf(users);
	}

}
