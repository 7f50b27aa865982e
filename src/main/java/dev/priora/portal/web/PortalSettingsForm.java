package dev.priora.portal.web;

import java.util.Arrays;
import java.util.List;

import dev.priora.portal.PortalSettings;
import dev.priora.portal.PortalSettingsDraft;

/**
 * The settings form as posted: checkboxes absent when unticked, lists one entry per line
 * (commas also separate domains and addresses).
 */
record PortalSettingsForm(Boolean enabled, String title, String intro, String colour, String access,
		String allowedDomains, String allowedEmails, String categories, Boolean holdNewIdeas, Long version) {

	static PortalSettingsForm of(PortalSettings s) {
		return new PortalSettingsForm(s.enabled(), s.title(), s.intro(), s.colour(),
				s.privatePortal() ? "private" : "public", String.join("\n", s.allowedDomains()),
				String.join("\n", s.allowedEmails()), String.join("\n", s.categories()), s.holdNewIdeas(), s.version());
	}

	PortalSettingsDraft draft() {
		return new PortalSettingsDraft(Boolean.TRUE.equals(enabled), title, intro, colour, "private".equals(access),
				split(allowedDomains, "[\\n,;\\s]+"), split(allowedEmails, "[\\n,;\\s]+"), split(categories, "\\n"),
				Boolean.TRUE.equals(holdNewIdeas));
	}

	boolean privatePortal() {
		return "private".equals(access);
	}

	private static List<String> split(String text, String separators) {
		return text == null || text.isBlank() ? List.of() : Arrays.asList(text.strip().split(separators));
	}

}
