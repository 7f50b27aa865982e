package dev.priora.feedback;

import java.time.Instant;
import java.util.List;

/** New feedback as received: the text is required, everything else optional. */
public record FeedbackDraft(String title, String text, Long customerId, Long contactId, Channel channel,
		Instant receivedAt, List<String> tags, String externalId) {

	public FeedbackDraft {
		title = title == null ? "" : title.strip();
		tags = tags == null ? List.of() : List.copyOf(tags);
	}

}
