package dev.priora.feedback;

import java.time.Instant;
import java.util.List;

/**
 * A piece of customer feedback with the items it is linked to; {@code submitterName} and
 * {@code submitterEmail} are who sent it through a public form or an e-mail (null when
 * not known); {@code suggestedCustomerId} and {@code suggestedCustomerName} the customer
 * it probably comes from (its sender's company domain matches the customer's contacts),
 * for the team to confirm or dismiss (null when there is no suggestion); {@code kind}
 * what it is, with the model's {@code kindConfidence} (0–1; 1 when set by a person) and
 * {@code kindSource} ({@code predicted} or {@code set}), and the writer's
 * {@code sentiment} (all null until the feedback has a sentence vector: bulk imports get
 * them in the background).
 */
public record FeedbackView(long id, String title, String text, Long customerId, String customerName, Long contactId,
		Channel channel, Instant receivedAt, FeedbackStatus status, List<String> tags, String externalId,
		Long mergedInto, List<Link> links, long version, String submitterName, String submitterEmail,
		Long suggestedCustomerId, String suggestedCustomerName, FeedbackKind kind, Double kindConfidence,
		String kindSource, Sentiment sentiment) {

	/**
	 * What a list or a heading calls this feedback: its title, or when it has none (a
	 * public form or an e-mail without a subject) the start of its text, cut at a word.
	 */
	public String headline() {
		if (title != null && !title.isBlank()) {
			return title;
		}
		String words = text == null ? "" : text.strip().replaceAll("\\s+", " ");
		if (words.isEmpty()) {
			return "Untitled feedback";
		}
		if (words.length() <= HEADLINE) {
			return words;
		}
		int cut = words.lastIndexOf(' ', HEADLINE);
		return words.substring(0, cut > HEADLINE / 2 ? cut : HEADLINE) + "…";
	}

	private static final int HEADLINE = 70;

	/** A link to a backlog item, with how much it matters and the quote that shows it. */
	public record Link(String item, String itemTitle, String itemStatus, Importance importance, String quote) {

		public boolean delivered() {
			return "DONE".equals(itemStatus);
		}

	}

}
