package dev.priora.feedback;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.backlog.ProductService;

/**
 * Feedback from the customer portal (channel PORTAL): an idea, or another visitor's vote
 * on one. Portal visitors proved their address with a sign-in link, so a visitor whose
 * address is a contact's is that contact's customer; otherwise, when the address's
 * company domain has contacts of exactly one customer, the feedback is that customer's
 * and the customer is also suggested, so that the team confirms the visitor as a new
 * contact (see {@link CustomerSuggestions}).
 */
@Service
public class PortalIntake {

	/** Who a visitor is among the product's customers (both null for nobody known). */
	public record Match(Long customerId, Long contactId) {

		public boolean known() {
			return customerId != null;
		}

	}

	/** A vote's feedback title and text. */
	public record VoteText(String title, String text) {
	}

	private final FeedbackService feedback;

	private final ProductService products;

	private final FeedbackRepository repository;

	private final PortalFeedbackRepository portal;

	private final FeedbackDrafts drafts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PortalIntake(FeedbackService feedback, ProductService products, FeedbackRepository repository,
			PortalFeedbackRepository portal, FeedbackDrafts drafts, ApplicationEventPublisher events, Clock clock) {
		this.feedback = feedback;
		this.products = products;
		this.repository = repository;
		this.portal = portal;
		this.drafts = drafts;
		this.events = events;
		this.clock = clock;
	}

	/** The customer and contact of a verified e-mail address. */
	public Match match(String productKey, String email) {
		return portal.match(products.get(productKey).key(), email.toLowerCase(Locale.ROOT));
	}

	/** Records an idea as new PORTAL feedback of its poster. */
	@Transactional
	public FeedbackView idea(String productKey, String title, String text, String email) {
		return record(productKey, title, text, email);
	}

	/**
	 * The feedback text of a vote on the idea titled {@code ideaTitle}; no database work.
	 */
	public VoteText voteText(String ideaTitle, Importance importance) {
		String title = clip("Vote: " + ideaTitle, 300);
		String text = clip(
				"Voted on the portal idea \u201c" + ideaTitle + "\u201d"
						+ (importance == null ? "."
								: " (" + importance.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")."),
				FeedbackService.MAX_TEXT);
		return new VoteText(title, text);
	}

	/**
	 * Records another visitor's vote on an idea as PORTAL feedback of the voter, already
	 * triaged (the idea itself is what the team triages), and answers its id. The vote
	 * asks for what the idea asks for: it carries the sentence vector, kind and sentiment
	 * of the idea's feedback ({@code ideaFeedbackId}), so no model runs, and the
	 * similarity index leaves it out. One insert after one read of who the voter is;
	 * {@code productKey} is the product's key as stored (the portal's).
	 */
	@Transactional
	public long vote(String productKey, long ideaFeedbackId, VoteText vote, String email) {
		FeedbackDraft d = drafts.checked(productKey,
				new FeedbackDraft(vote.title(), vote.text(), null, null, Channel.PORTAL, null, List.of(), null));
		String address = email.toLowerCase(Locale.ROOT);
		Match match = portal.match(productKey, address);
		long id = portal.insertVote(productKey, ideaFeedbackId, d, match, clip(address, 320), clock.instant());
		events.publishEvent(new FeedbackReceived(productKey, id, d.title(), Channel.PORTAL.name(), match.customerId()));
		return id;
	}

	private FeedbackView record(String productKey, String title, String text, String email) {
		String key = products.get(productKey).key();
		Match match = match(key, email);
		FeedbackView created = feedback.create(key, new FeedbackDraft(title, text, match.customerId(),
				match.contactId(), Channel.PORTAL, null, List.of(), null), null);
		Long suggested = match.contactId() == null ? match.customerId() : null;
		repository.sender(created.id(), null, clip(email.toLowerCase(Locale.ROOT), 320), suggested);
		return feedback.get(key, created.id());
	}

	private static String clip(String s, int max) {
		return s.length() > max ? s.substring(0, max) : s;
	}

}
