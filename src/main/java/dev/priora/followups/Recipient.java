package dev.priora.followups;

/**
 * A person who asked: a contact of a customer ({@code contact:ID}), a sender known only
 * by e-mail ({@code email:ADDRESS}), or the customer as a whole when nobody there is
 * known ({@code customer:ID}). A message is drafted once per recipient key and item or
 * release.
 *
 * @param key who it is, as above
 * @param customerId their customer, if known
 * @param contactId their contact row, if they are one
 * @param name their name (blank if unknown)
 * @param email their address, or null: they are told in person
 */
public record Recipient(String key, Long customerId, Long contactId, String name, String email) {

	public Recipient {
		if (key == null || key.isBlank() || key.length() > 340) {
			throw new IllegalArgumentException("key: 1 to 340 characters");
		}
		name = name == null ? "" : name.strip();
		email = email == null || email.isBlank() ? null : email.strip();
	}

	/** The first word of the name, to greet them by. */
	String firstName() {
		return name.isEmpty() || key.startsWith("customer:") ? "" : name.split("\\s+")[0];
	}

}
