package dev.priora.backlog;

/** Identifies a product. */
public record ProductId(long value) {
}
