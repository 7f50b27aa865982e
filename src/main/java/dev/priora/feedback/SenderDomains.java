package dev.priora.feedback;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which customer a sender's company domain points to: the one customer with contacts at
 * that domain, never for free-mail domains (anyone has an address there).
 */
final class SenderDomains {

	static final Set<String> FREE_MAIL = Set.of("gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com",
			"msn.com", "yahoo.com", "icloud.com", "me.com", "aol.com", "gmx.de", "gmx.net", "web.de", "proton.me",
			"protonmail.com", "mail.com", "yandex.ru", "qq.com");

	private SenderDomains() {
	}

	/** The one customer of the product with contacts at the address's domain, or null. */
	static Long customerAt(CustomerRepository customers, String productKey, String email) {
		String domain = email.substring(email.indexOf('@') + 1).toLowerCase(Locale.ROOT);
		if (FREE_MAIL.contains(domain)) {
			return null;
		}
		List<Long> candidates = customers.customersWithContactsAt(productKey, domain);
		return candidates.size() == 1 ? candidates.get(0) : null;
	}

}
