package dev.priora.progress;

/**
 * A release's forecast flag changed ({@code on track}, {@code at risk} or
 * {@code off track}) since it was last computed: published by {@link ReleaseFlags} in the
 * transaction that stores the new flag.
 */
public record ReleaseFlagChanged(String productKey, long releaseId, String releaseName, String from, String to) {
}
