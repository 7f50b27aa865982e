package dev.priora.feedback;

import java.math.BigDecimal;
import java.util.List;

/** The editable fields of a customer. */
public record CustomerDraft(String name, String segment, BigDecimal revenue, String currency, String tier,
		BigDecimal weight, List<ContactDraft> contacts) {

	public CustomerDraft {
		segment = segment == null ? "" : segment.strip();
		tier = tier == null ? "" : tier.strip();
		contacts = contacts == null ? List.of() : List.copyOf(contacts);
	}

	/** A contact as typed. */
	public record ContactDraft(String name, String email) {
	}

}
