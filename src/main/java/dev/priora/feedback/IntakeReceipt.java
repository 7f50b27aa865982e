package dev.priora.feedback;

/**
 * The answer to a caller that may only submit feedback (an intake-only token): the new
 * feedback's id and status, nothing about the product's customers.
 */
public record IntakeReceipt(long id, FeedbackStatus status) {

	static IntakeReceipt of(FeedbackView feedback) {
		return new IntakeReceipt(feedback.id(), feedback.status());
	}

}
