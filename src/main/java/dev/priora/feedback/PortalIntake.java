package dev.priora.feedback;

import java.util.List;
import java.util.Locale;

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

	private final FeedbackService feedback;

	private final ProductService products;

	private final CustomerRepository customers;

	private final FeedbackRepository repository;

	PortalIntake(FeedbackService feedback, ProductService products, CustomerRepository customers,
			FeedbackRepository repository) {
		this.feedback = feedback;
		this.products = products;
		this.customers = customers;
		this.repository = repository;
	}

	/** The customer and contact of a verified e-mail address. */
	public Match match(String productKey, String email) {
		String key = products.get(productKey).key();
		String address = email.toLowerCase(Locale.ROOT);
		var contact = customers.contactByEmail(key, address);
		if (contact.isPresent()) {
			return new Match(contact.get().customerId(), contact.get().contactId());
		}
		return new Match(SenderDomains.customerAt(customers, key, address), null);
	}

	/** Records an idea as new PORTAL feedback of its poster. */
	@Transactional
	public FeedbackView idea(String productKey, String title, String text, String email) {
		return record(productKey, title, text, email);
	}

	/**
	 * Records another visitor's vote on an idea as PORTAL feedback of the voter, already
	 * triaged (the idea itself is what the team triages).
	 */
	@Transactional
	public FeedbackView vote(String productKey, String ideaTitle, Importance importance, String email) {
		String title = clip("Vote: " + ideaTitle, 300);
		String text = "Voted on the portal idea \u201c" + ideaTitle + "\u201d" + (importance == null ? "."
				: " (" + importance.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ").");
		FeedbackView created = record(productKey, title, clip(text, FeedbackService.MAX_TEXT), email);
		return feedback.changeStatus(productKey, created.id(), FeedbackStatus.TRIAGED, created.version());
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
