package dev.priora.feedback;

import dev.priora.accounts.UserId;
import dev.priora.backlog.ItemKey;

/**
 * Feedback was linked to an item (or its link's importance changed), published inside the
 * linking transaction.
 */
public record FeedbackLinked(String productKey, long feedbackId, ItemKey item, Importance importance, UserId user) {
}
