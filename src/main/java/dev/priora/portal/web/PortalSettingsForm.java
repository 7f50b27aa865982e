package dev.priora.portal.web;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.priora.portal.IdeaStatus;
import dev.priora.portal.PortalSettings;
import dev.priora.portal.PortalSettingsDraft;

/**
 * The settings form as posted: checkboxes absent when unticked, lists one entry per line
 * (commas also separate domains and addresses), one field per status name.
 */
record PortalSettingsForm(Boolean enabled, String title, String intro, String colour, String access,
		String allowedDomains, String allowedEmails, String categories, Boolean holdNewIdeas, Boolean holdNewComments,
		String nameUnderReview, String namePlanned, String nameInProgress, String nameShipped, String nameDeclined,
		Long version) {

	static PortalSettingsForm of(PortalSettings s) {
		Map<IdeaStatus, String> n = s.statusNames();
		return new PortalSettingsForm(s.enabled(), s.title(), s.intro(), s.colour(),
				s.privatePortal() ? "private" : "public", String.join("\n", s.allowedDomains()),
				String.join("\n", s.allowedEmails()), String.join("\n", s.categories()), s.holdNewIdeas(),
				s.holdNewComments(), n.get(IdeaStatus.UNDER_REVIEW), n.get(IdeaStatus.PLANNED),
				n.get(IdeaStatus.IN_PROGRESS), n.get(IdeaStatus.SHIPPED), n.get(IdeaStatus.DECLINED), s.version());
	}

	PortalSettingsDraft draft() {
		return new PortalSettingsDraft(Boolean.TRUE.equals(enabled), title, intro, colour, "private".equals(access),
				split(allowedDomains, "[\\n,;\\s]+"), split(allowedEmails, "[\\n,;\\s]+"), split(categories, "\\n"),
				Boolean.TRUE.equals(holdNewIdeas), Boolean.TRUE.equals(holdNewComments), names());
	}

	/** The name typed for a status (the form's field), or null. */
	String name(IdeaStatus status) {
		return names().get(status);
	}

	boolean privatePortal() {
		return "private".equals(access);
	}

	private Map<IdeaStatus, String> names() {
		Map<IdeaStatus, String> n = new EnumMap<>(IdeaStatus.class);
		put(n, IdeaStatus.UNDER_REVIEW, nameUnderReview);
		put(n, IdeaStatus.PLANNED, namePlanned);
		put(n, IdeaStatus.IN_PROGRESS, nameInProgress);
		put(n, IdeaStatus.SHIPPED, nameShipped);
		put(n, IdeaStatus.DECLINED, nameDeclined);
		return n;
	}

	private static void put(Map<IdeaStatus, String> names, IdeaStatus status, String name) {
		if (name != null) {
			names.put(status, name);
		}
	}

	private static List<String> split(String text, String separators) {
		return text == null || text.isBlank() ? List.of() : Arrays.asList(text.strip().split(separators));
	}

}
