package dev.priora.portal;

import java.util.List;
import java.util.Map;

/** New portal settings as an owner sent them, checked by {@link Portals#update}. */
public record PortalSettingsDraft(boolean enabled, String title, String intro, String colour, boolean privatePortal,
		List<String> allowedDomains, List<String> allowedEmails, List<String> categories, boolean holdNewIdeas,
		boolean holdNewComments, Map<IdeaStatus, String> statusNames) {

	public PortalSettingsDraft {
		title = title == null ? "" : title.strip();
		intro = intro == null ? "" : intro.strip();
		colour = colour == null ? "" : colour.strip();
		allowedDomains = allowedDomains == null ? List.of() : List.copyOf(allowedDomains);
		allowedEmails = allowedEmails == null ? List.of() : List.copyOf(allowedEmails);
		categories = categories == null ? List.of() : List.copyOf(categories);
		statusNames = statusNames == null ? Map.of() : Map.copyOf(statusNames);
	}

	/** A draft without comment review and with the statuses' own names. */
	public PortalSettingsDraft(boolean enabled, String title, String intro, String colour, boolean privatePortal,
			List<String> allowedDomains, List<String> allowedEmails, List<String> categories, boolean holdNewIdeas) {
		this(enabled, title, intro, colour, privatePortal, allowedDomains, allowedEmails, categories, holdNewIdeas,
				false, Map.of());
	}

}
