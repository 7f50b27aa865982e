package dev.priora.support;

import java.time.Instant;
import java.util.List;

/** A piece of feedback. See {@link Fixtures#feedback(String)}. */
public final class FeedbackBuilder extends RequestBuilder<FeedbackBuilder> {

	FeedbackBuilder(String text) {
		with("text", text);
	}

	public FeedbackBuilder titled(String title) {
		return with("title", title);
	}

	/** From customer {@code customerId}. */
	public FeedbackBuilder from(long customerId) {
		return with("customerId", customerId);
	}

	/** From customer {@code customerId}'s contact {@code contactId}. */
	public FeedbackBuilder from(long customerId, long contactId) {
		return from(customerId).with("contactId", contactId);
	}

	public FeedbackBuilder tags(String... tags) {
		return with("tags", List.of(tags));
	}

	public FeedbackBuilder receivedAt(Instant at) {
		return with("receivedAt", at.toString());
	}

	public FeedbackBuilder externalId(String externalId) {
		return with("externalId", externalId);
	}

	/** Records the feedback in {@code product}; answers its id. */
	public long in(TestProduct product) {
		return createForId(product, "/feedback");
	}

}
