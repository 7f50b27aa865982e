package dev.priora.planning;

/**
 * A release was marked released (its status changed to {@link ReleaseStatus#RELEASED}),
 * published in the changing transaction.
 *
 * @param productKey the release's product
 * @param releaseId the release
 * @param name its name
 */
public record ReleaseShipped(String productKey, long releaseId, String name) {
}
