package dev.priora.feedback;

import dev.priora.backlog.ItemKey;

/** Feedback's link to an item was removed, published inside the unlinking transaction. */
public record FeedbackUnlinked(String productKey, long feedbackId, ItemKey item) {
}
