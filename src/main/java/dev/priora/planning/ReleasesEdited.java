package dev.priora.planning;

/**
 * A release or a sprint of the product was created, changed (name, target date, capacity,
 * status, dates) or deleted, published in the changing transaction: what forecasts and
 * their flags depend on besides the items.
 *
 * @param productKey the product
 */
public record ReleasesEdited(String productKey) {
}
