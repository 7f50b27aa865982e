package dev.priora.support;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A customer and their contacts. See {@link Fixtures#aCustomer(String)}. */
public final class CustomerBuilder extends RequestBuilder<CustomerBuilder> {

	private final List<Map<String, String>> contacts = new ArrayList<>();

	CustomerBuilder(String name) {
		with("name", name);
	}

	public CustomerBuilder segment(String segment) {
		return with("segment", segment);
	}

	public CustomerBuilder tier(String tier) {
		return with("tier", tier);
	}

	/** Yearly revenue (in the product's currency unless {@code currency(…)}). */
	public CustomerBuilder revenue(Number revenue) {
		return with("revenue", new BigDecimal(revenue.toString()));
	}

	public CustomerBuilder currency(String currency) {
		return with("currency", currency);
	}

	public CustomerBuilder weight(Number weight) {
		return with("weight", new BigDecimal(weight.toString()));
	}

	public CustomerBuilder contact(String name, String email) {
		Map<String, String> contact = new LinkedHashMap<>();
		contact.put("name", name);
		contact.put("email", email);
		this.contacts.add(contact);
		return with("contacts", this.contacts);
	}

	/** Creates the customer in {@code product}; answers their id. */
	public long in(TestProduct product) {
		return createForId(product, "/customers");
	}

}
