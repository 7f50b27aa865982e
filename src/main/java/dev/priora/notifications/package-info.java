/**
 * In-app notifications: who watches what, @mentions, what notifies whom (each a
 * {@link dev.priora.notifications.NotificationKind}), read state and each person's
 * delivery preferences; reacts to other features' events in their transactions.
 */
package dev.priora.notifications;
