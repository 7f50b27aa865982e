package dev.priora.followups;

import java.time.Instant;
import java.util.List;

/**
 * A message to one person who asked for something that shipped.
 *
 * @param id the message
 * @param shipped what it is about
 * @param release the release it is part of (a release message's own), or null
 * @param recipientName the person's name (the customer's for a customer as a whole)
 * @param recipientEmail their address, or null when they are told in person
 * @param customerId their customer, or null
 * @param customerName that customer's name, or null
 * @param words what they wrote, one entry per feedback (the link's quote, else the text)
 * @param feedbackIds the feedback it answers
 * @param subject the subject line
 * @param body the plain-text body the product owner edits
 * @param releaseNotes whether the release's published notes go with the e-mail
 * @param status where it is
 * @param createdAt when it was drafted
 * @param toldAt when it was sent or told in person (null otherwise)
 * @param version for optimistic locking of edits
 */
public record FollowupView(long id, Shipped shipped, String release, String recipientName, String recipientEmail,
		Long customerId, String customerName, List<String> words, List<Long> feedbackIds, String subject, String body,
		boolean releaseNotes, FollowupStatus status, Instant createdAt, Instant toldAt, long version) {

	/** Whether the person has an e-mail address (else they are told in person). */
	@com.fasterxml.jackson.annotation.JsonProperty("mailable")
	public boolean mailable() {
		return recipientEmail != null;
	}

}
