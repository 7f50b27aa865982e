package dev.priora.progress;

import dev.priora.accounts.UserId;
import dev.priora.backlog.ItemKey;

/**
 * A done item was accepted or rejected (with {@code reason}) in the review of sprint
 * {@code sprintName}, by {@code actor}.
 */
public record ItemReviewed(ItemKey item, String title, String sprintName, boolean accepted, String reason,
		UserId actor) {
}
