package dev.priora.feedback;

import java.math.BigDecimal;
import java.util.List;

/**
 * A customer account of a product, with its contacts. Revenue is per year, in
 * {@code currency} (ISO 4217).
 */
public record CustomerView(long id, String name, String segment, BigDecimal revenue, String currency, String tier,
		BigDecimal weight, List<Contact> contacts, long version) {

	/** A person at the customer. */
	public record Contact(long id, String name, String email) {
	}

}
