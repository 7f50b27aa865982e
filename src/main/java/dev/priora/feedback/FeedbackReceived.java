package dev.priora.feedback;

/**
 * Feedback was recorded (typed in, sent through the API, e-mailed or submitted on a
 * public form).
 */
public record FeedbackReceived(String productKey, long feedbackId, String title, String channel, Long customerId) {
}
