/**
 * Live updates: what changed in a product (items, the order, plans, feedback) and each
 * person's new notifications, written to a change table after the causing transaction
 * commits, polled by every node and sent to its connected browsers as server-sent events.
 */
package dev.priora.live;
