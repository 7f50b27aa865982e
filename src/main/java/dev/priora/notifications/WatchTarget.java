package dev.priora.notifications;

/**
 * What can be watched: an item (an epic's watchers hear of its children), a release, a
 * product's inbox.
 */
public enum WatchTarget {

	ITEM, RELEASE, INBOX

}
