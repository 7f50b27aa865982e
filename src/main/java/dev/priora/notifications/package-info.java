/**
 * Notifications: who watches what, @mentions, what notifies whom (each a
 * {@link dev.priora.notifications.NotificationKind}), read state and each person's
 * delivery preferences, honoured in the app and by e-mail (right away or in a daily
 * digest, with one-click unsubscribe links); reacts to other features' events in their
 * transactions.
 */
package dev.priora.notifications;
