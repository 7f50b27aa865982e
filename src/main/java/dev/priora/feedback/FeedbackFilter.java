package dev.priora.feedback;

import java.time.Instant;

/** Optional filters of a feedback listing; null means "any". */
public record FeedbackFilter(FeedbackStatus status, Channel channel, Long customerId, String segment, String tag,
		Instant from, Instant to) {

	public static final FeedbackFilter NONE = new FeedbackFilter(null, null, null, null, null, null, null);

	public FeedbackFilter {
		segment = segment == null || segment.isBlank() ? null : segment.strip();
		tag = tag == null || tag.isBlank() ? null : tag.strip().toLowerCase(java.util.Locale.ROOT);
	}

}
