package dev.priora.portal;

import java.util.List;

/** New portal settings as an owner sent them, checked by {@link Portals#update}. */
public record PortalSettingsDraft(boolean enabled, String title, String intro, String colour, boolean privatePortal,
		List<String> allowedDomains, List<String> allowedEmails, List<String> categories, boolean holdNewIdeas) {

	public PortalSettingsDraft {
		title = title == null ? "" : title.strip();
		intro = intro == null ? "" : intro.strip();
		colour = colour == null ? "" : colour.strip();
		allowedDomains = allowedDomains == null ? List.of() : List.copyOf(allowedDomains);
		allowedEmails = allowedEmails == null ? List.of() : List.copyOf(allowedEmails);
		categories = categories == null ? List.of() : List.copyOf(categories);
	}

}
