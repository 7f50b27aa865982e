package dev.priora.portal;

import java.util.List;
import java.util.Locale;

/**
 * A product's portal as its owners set it: on or off, its title, intro text (Markdown),
 * accent colour ({@code #rrggbb}) and logo, and whether it is public or private to the
 * listed e-mail domains and addresses; the idea categories visitors choose from, and
 * whether new ideas wait for the team's review before others see them.
 */
public record PortalSettings(String productKey, boolean enabled, String title, String intro, String colour,
		boolean privatePortal, List<String> allowedDomains, List<String> allowedEmails, List<String> categories,
		boolean holdNewIdeas, boolean hasLogo, long version) {

	public PortalSettings {
		allowedDomains = List.copyOf(allowedDomains);
		allowedEmails = List.copyOf(allowedEmails);
		categories = List.copyOf(categories);
	}

	/** Whether a person with this (verified) address may enter the portal. */
	public boolean admits(String email) {
		if (!privatePortal) {
			return true;
		}
		if (email == null) {
			return false;
		}
		String address = email.toLowerCase(Locale.ROOT);
		String domain = address.substring(address.indexOf('@') + 1);
		return allowedEmails.contains(address) || allowedDomains.contains(domain);
	}

}
