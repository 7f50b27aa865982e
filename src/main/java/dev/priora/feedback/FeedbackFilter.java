package dev.priora.feedback;

import java.time.Instant;

/**
 * Optional filters of a feedback listing; null means "any". {@code byKind} sorts by kind
 * (in the order of {@link FeedbackKind}, feedback without a kind last), newest first
 * within a kind, instead of newest first.
 */
public record FeedbackFilter(FeedbackStatus status, Channel channel, Long customerId, String segment, String tag,
		Instant from, Instant to, FeedbackKind kind, boolean byKind) {

	public static final FeedbackFilter NONE = new FeedbackFilter(null, null, null, null, null, null, null);

	public FeedbackFilter {
		segment = segment == null || segment.isBlank() ? null : segment.strip();
		tag = tag == null || tag.isBlank() ? null : tag.strip().toLowerCase(java.util.Locale.ROOT);
	}

	/** Any kind, newest first. */
	public FeedbackFilter(FeedbackStatus status, Channel channel, Long customerId, String segment, String tag,
			Instant from, Instant to) {
		this(status, channel, customerId, segment, tag, from, to, null, false);
	}

}
