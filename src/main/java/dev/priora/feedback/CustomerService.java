package dev.priora.feedback;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.accounts.UserId;
import dev.priora.problem.DomainProblem;
import dev.priora.backlog.ProductService;

/** A product's customers (accounts) and their contacts. */
@Service
public class CustomerService {

	private final CustomerRepository customers;

	private final ProductService products;

	private final DemandStore demand;

	private final Clock clock;

	CustomerService(CustomerRepository customers, ProductService products, DemandStore demand, Clock clock) {
		this.customers = customers;
		this.demand = demand;
		this.products = products;
		this.clock = clock;
	}

	public List<CustomerView> list(String productKey) {
		return customers.all(key(productKey));
	}

	/** The product's customer with that id, if there is one. */
	public Optional<CustomerView> find(String productKey, long id) {
		return customers.find(key(productKey), id);
	}

	public CustomerView get(String productKey, long id) {
		return customers.find(key(productKey), id).orElseThrow(() -> DomainProblem.notFound("Customer " + id));
	}

	/**
	 * Creates a customer; 409 when the product has a customer of that name (names are
	 * compared by {@link #nameKey}).
	 */
	@Transactional
	public CustomerView create(String productKey, CustomerDraft draft, UserId user) {
		String key = key(productKey);
		CustomerDraft d = validate(draft);
		long id = customers.insert(key, d, nameKey(d.name()), user.value(), clock.instant())
			.orElseThrow(() -> nameTaken(key, d.name()));
		return get(key, id);
	}

	/** The customer of a name: found, or created with only its name. */
	public record Named(long id, boolean created) {
	}

	/**
	 * The product's customer of that name, created with only the name when there is none
	 * (an upsert: parallel callers naming the same customer get the same row). Names
	 * several customers in order of {@link #nameKey} within one transaction, so that two
	 * such transactions never wait for each other in a circle.
	 */
	@Transactional
	public Named findOrCreate(String productKey, String name, UserId user) {
		String key = key(productKey);
		CustomerDraft d = validate(new CustomerDraft(name, "", null, null, "", null, List.of()));
		String nameKey = nameKey(d.name());
		Optional<Long> existing = customers.idByName(key, nameKey);
		if (existing.isPresent()) {
			return new Named(existing.get(), false);
		}
		return customers.insert(key, d, nameKey, user.value(), clock.instant())
			.map(id -> new Named(id, true))
			.orElseGet(() -> new Named(customers.idByName(key, nameKey).orElseThrow(), false));
	}

	/**
	 * How customer names are compared: without surrounding blanks, in lower case ("Acme",
	 * " ACME " and "acme" are one customer).
	 */
	public static String nameKey(String name) {
		return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
	}

	/**
	 * Replaces the customer's fields when {@code expectedVersion} is current; 412
	 * otherwise.
	 */
	@Transactional
	public CustomerView update(String productKey, long id, CustomerDraft draft, long expectedVersion, UserId user) {
		CustomerView current = get(productKey, id);
		CustomerDraft d = validate(draft);
		String key = key(productKey);
		if (customers.idByName(key, nameKey(d.name())).filter(other -> other != id).isPresent()) {
			throw nameTaken(key, d.name());
		}
		if (current.version() != expectedVersion
				|| !customers.update(id, d, nameKey(d.name()), expectedVersion, user.value(), clock.instant())) {
			throw DomainProblem.stale("Customer " + current.name(), get(productKey, id).version(), "someone");
		}
		// segment and revenue feed the demand of every item this customer asked for
		demand.refresh(demand.itemsOfCustomer(id));
		return get(productKey, id);
	}

	/** Deletes a customer without feedback; 409 while feedback refers to it. */
	@Transactional
	public void delete(String productKey, long id) {
		get(productKey, id);
		if (customers.hasFeedback(id)) {
			throw DomainProblem.conflict("customer-has-feedback",
					"This customer has feedback; it stays so that the feedback keeps its customer.");
		}
		customers.delete(id);
	}

	private DomainProblem nameTaken(String key, String name) {
		long other = customers.idByName(key, nameKey(name)).orElse(0L);
		return DomainProblem.conflict("customer-exists",
				"Product " + key + " has a customer named '" + name + "' already (customer " + other + ").");
	}

	private String key(String productKey) {
		return products.get(productKey).key();
	}

	private static CustomerDraft validate(CustomerDraft d) {
		Map<String, String> errors = new LinkedHashMap<>();
		String name = d.name() == null ? "" : d.name().strip();
		if (name.isEmpty() || name.length() > 200) {
			errors.put("name", "must be 1 to 200 characters");
		}
		if (d.segment().length() > 100) {
			errors.put("segment", "must be at most 100 characters");
		}
		if (d.tier().length() > 50) {
			errors.put("tier", "must be at most 50 characters");
		}
		String currency = d.currency() == null ? null : d.currency().strip().toUpperCase(Locale.ROOT);
		if (d.revenue() != null && (d.revenue().signum() < 0 || d.revenue().compareTo(new BigDecimal("1e13")) >= 0)) {
			errors.put("revenue", "must be from 0 to 9999999999999");
		}
		if (d.revenue() != null && (currency == null || !currency.matches("[A-Z]{3}"))) {
			errors.put("currency", "is required with a revenue: a three-letter ISO 4217 code like EUR");
		}
		if (d.weight() != null && (d.weight().signum() < 0 || d.weight().compareTo(new BigDecimal("1000")) > 0)) {
			errors.put("weight", "must be from 0 to 1000");
		}
		if (d.contacts().size() > 100) {
			errors.put("contacts", "at most 100 contacts");
		}
		for (var c : d.contacts()) {
			if (c.name() == null || c.name().isBlank() || c.name().length() > 200
					|| c.email() != null && c.email().length() > 320) {
				errors.put("contacts",
						"each contact needs a name of at most 200 characters and an email of at most 320");
			}
		}
		if (!errors.isEmpty()) {
			throw DomainProblem.invalid(errors);
		}
		return new CustomerDraft(name, d.segment(), d.revenue(), d.revenue() == null ? null : currency, d.tier(),
				d.weight(), d.contacts());
	}

}
