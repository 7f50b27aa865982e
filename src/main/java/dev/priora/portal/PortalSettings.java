package dev.priora.portal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A product's portal as its owners set it: on or off, its title, intro text (Markdown),
 * accent colour ({@code #rrggbb}) and logo, and whether it is public or private to the
 * listed e-mail domains and addresses; the idea categories visitors choose from, whether
 * new ideas and new comments wait for the team's review before others see them, and the
 * names visitors see for the statuses (a status not named keeps its own).
 */
public record PortalSettings(String productKey, boolean enabled, String title, String intro, String colour,
		boolean privatePortal, List<String> allowedDomains, List<String> allowedEmails, List<String> categories,
		boolean holdNewIdeas, boolean holdNewComments, Map<IdeaStatus, String> statusNames, boolean hasLogo,
		long version) {

	public PortalSettings {
		allowedDomains = List.copyOf(allowedDomains);
		allowedEmails = List.copyOf(allowedEmails);
		categories = List.copyOf(categories);
		statusNames = statusNames == null ? Map.of() : Map.copyOf(statusNames);
	}

	/** Settings without comment review and with the statuses' own names. */
	public PortalSettings(String productKey, boolean enabled, String title, String intro, String colour,
			boolean privatePortal, List<String> allowedDomains, List<String> allowedEmails, List<String> categories,
			boolean holdNewIdeas, boolean hasLogo, long version) {
		this(productKey, enabled, title, intro, colour, privatePortal, allowedDomains, allowedEmails, categories,
				holdNewIdeas, false, Map.of(), hasLogo, version);
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

	/** What visitors of this portal read for the status: its custom name or its own. */
	public String label(IdeaStatus status) {
		String name = status == null ? null : statusNames.get(status);
		return name == null || name.isBlank() ? (status == null ? "" : status.label()) : name;
	}

}
