package dev.priora.feedback;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.problem.DomainProblem;
import dev.priora.backlog.ProductService;

/**
 * Customers suggested for feedback (a pasted e-mail whose sender's company domain matches
 * one customer's contacts): the team confirms or dismisses them; nothing is attached or
 * added to a customer until someone confirms.
 */
@Service
public class CustomerSuggestions {

	private final FeedbackRepository feedback;

	private final CustomerRepository customers;

	private final FeedbackService service;

	private final ProductService products;

	private final DemandStore demand;

	private final Clock clock;

	CustomerSuggestions(FeedbackRepository feedback, CustomerRepository customers, FeedbackService service,
			ProductService products, DemandStore demand, Clock clock) {
		this.feedback = feedback;
		this.customers = customers;
		this.service = service;
		this.products = products;
		this.demand = demand;
		this.clock = clock;
	}

	/**
	 * Confirms the suggestion: the feedback becomes the suggested customer's, and its
	 * sender becomes a contact of that customer (unless one has the sender's address
	 * already). 409 when the feedback has no suggestion.
	 */
	@Transactional
	public FeedbackView confirm(String productKey, long id) {
		String key = products.get(productKey).key();
		var row = feedback.find(key, id).orElseThrow(() -> DomainProblem.notFound("Feedback " + id));
		Long customer = row.suggestedCustomerId();
		if (customer == null) {
			throw DomainProblem.conflict("no-suggestion", "Feedback " + id + " has no customer suggestion to confirm.");
		}
		Long contact = null;
		if (row.submitterEmail() != null) {
			String email = row.submitterEmail().toLowerCase(Locale.ROOT);
			contact = customers.contactByEmail(key, email)
				.filter(c -> c.customerId() == customer)
				.map(CustomerRepository.ContactRef::contactId)
				.orElseGet(() -> customers.addContact(customer,
						row.submitterName() == null || row.submitterName().isBlank() ? email : row.submitterName(),
						email));
		}
		feedback.update(id, row.title(), row.text(), customer, row.status(), row.mergedInto(), clock.instant());
		feedback.setContact(id, contact);
		feedback.suggestCustomer(id, null);
		demand.refresh(demand.itemsOfFeedback(List.of(id)));
		return service.get(key, id);
	}

	/** Dismisses the suggestion (nothing happens when there is none). */
	@Transactional
	public FeedbackView dismiss(String productKey, long id) {
		String key = products.get(productKey).key();
		feedback.find(key, id).orElseThrow(() -> DomainProblem.notFound("Feedback " + id));
		feedback.suggestCustomer(id, null);
		return service.get(key, id);
	}

}
