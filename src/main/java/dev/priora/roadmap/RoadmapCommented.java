package dev.priora.roadmap;

import dev.priora.accounts.UserId;

/**
 * Someone commented on the roadmap ({@code entry}: an item key, a release name, or empty
 * for the roadmap as a whole), or — {@code feedback} — gave the manager's feedback on it;
 * published in the transaction that stores it.
 */
public record RoadmapCommented(String productKey, String entry, String body, boolean feedback, UserId author) {
}
