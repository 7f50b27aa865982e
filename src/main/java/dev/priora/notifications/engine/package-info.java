/** Plain-Java rules of notifications: finding @mentions in text. */
package dev.priora.notifications.engine;
