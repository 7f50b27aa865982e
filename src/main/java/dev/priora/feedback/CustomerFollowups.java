package dev.priora.feedback;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the people who gave feedback were told once what they asked for shipped. A port:
 * the {@code followups} module (which builds on feedback) implements it, so the feedback
 * page, the inbox and the customer page show it without feedback depending on followups.
 */
public interface CustomerFollowups {

	/**
	 * When the sender of each of these feedbacks was first told (by e-mail or in person)
	 * that an item it is linked to shipped; feedback nobody was told about is left out.
	 */
	Map<Long, Instant> toldAt(String productKey, Collection<Long> feedbackIds);

	/** The messages sent to the customer's people (or told in person), newest first. */
	List<Message> toldCustomer(String productKey, long customerId);

	/**
	 * A message a customer's person got: to whom, about what, its subject, whether it was
	 * e-mailed (else told in person), and when.
	 */
	record Message(long id, String recipient, String shipped, String subject, boolean mailed, Instant at) {
	}

}
