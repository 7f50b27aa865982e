/**
 * Closing the loop with customers: when an item that feedback is linked to is done, or
 * the release holding such items is released, one message is drafted to each person who
 * asked, for the product owner to edit and send (or sent at once), through the mail
 * outbox; reacts to backlog and planning events in their transactions.
 */
package dev.priora.followups;
