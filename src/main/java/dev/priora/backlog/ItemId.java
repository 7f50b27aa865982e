package dev.priora.backlog;

/** Identifies a backlog item. */
public record ItemId(long value) {
}
