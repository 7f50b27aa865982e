package dev.priora.portal.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.priora.portal.IdeaStatus;
import dev.priora.portal.PortalSettings;
import dev.priora.portal.PortalSettingsDraft;
import dev.priora.problem.DomainProblem;

/**
 * The settings form as posted: checkboxes absent when unticked, lists one entry per line
 * (commas also separate domains and addresses), one field per status name.
 */
record PortalSettingsForm(String enabled, String title, String intro, String colour, String access,
		String allowedDomains, String allowedEmails, String categories, String holdNewIdeas, String holdNewComments,
		String nameUnderReview, String namePlanned, String nameInProgress, String nameShipped, String nameDeclined,
		String version) {

	/**
	 * The label a person sees for each field the settings check names (and the id of its
	 * box), so a refusal reads "Colour: is a colour like #4f46e5" under the colour box.
	 */
	private static final Map<String, String[]> FIELDS = Map.ofEntries(
			Map.entry("enabled", field("enabled", "The portal is on")), Map.entry("title", field("title", "Title")),
			Map.entry("intro", field("intro", "Intro text")), Map.entry("colour", field("colour", "Colour")),

			Map.entry("privatePortal", field("allowedDomains", "Who may enter")),

			Map.entry("allowedDomains", field("allowedDomains", "Allowed e-mail domains")),
			Map.entry("allowedEmails", field("allowedEmails", "Allowed addresses")),
			Map.entry("categories", field("categories", "Idea categories")),
			Map.entry("holdNewIdeas", field("holdNewIdeas", "Hold new ideas for review")),
			Map.entry("holdNewComments", field("holdNewComments", "Hold new comments for review")),
			Map.entry("statusNames", field("nameUnderReview", "Status names visitors see")));

	/** One refused field: the id of its box, its label, and the reason. */
	record FieldError(String id, String label, String reason) {
	}

	static PortalSettingsForm of(PortalSettings s) {
		Map<IdeaStatus, String> n = s.statusNames();
		return new PortalSettingsForm(flag(s.enabled()), s.title(), s.intro(), s.colour(),
				s.privatePortal() ? "private" : "public", String.join("\n", s.allowedDomains()),
				String.join("\n", s.allowedEmails()), String.join("\n", s.categories()), flag(s.holdNewIdeas()),
				flag(s.holdNewComments()), n.get(IdeaStatus.UNDER_REVIEW), n.get(IdeaStatus.PLANNED),
				n.get(IdeaStatus.IN_PROGRESS), n.get(IdeaStatus.SHIPPED), n.get(IdeaStatus.DECLINED),
				String.valueOf(s.version()));
	}

	PortalSettingsDraft draft() {
		return new PortalSettingsDraft(ticked(enabled), title, intro, colour, "private".equals(access),
				split(allowedDomains, "[\\n,;\\s]+"), split(allowedEmails, "[\\n,;\\s]+"), split(categories, "\\n"),
				ticked(holdNewIdeas), ticked(holdNewComments), names());
	}

	/**
	 * The version the form was read at; -1 (a conflict) when it is missing or garbled.
	 */
	long expectedVersion() {
		try {
			return version == null ? -1 : Long.parseLong(version.strip());
		}
		catch (NumberFormatException e) {
			return -1;
		}
	}

	/** The checkbox as the page shows it: ticked or not. */
	public boolean checked(String field) {
		return switch (field) {
			case "enabled" -> ticked(enabled);
			case "holdNewIdeas" -> ticked(holdNewIdeas);
			case "holdNewComments" -> ticked(holdNewComments);
			default -> false;
		};
	}

	/**
	 * The refusal's reasons by the labels of the form (a problem without field errors:
	 * one entry without a box).
	 */
	static List<FieldError> errors(DomainProblem problem) {
		List<FieldError> out = new ArrayList<>();
		if (problem.properties().get("errors") instanceof List<?> errors) {
			for (Object o : errors) {
				if (o instanceof Map<?, ?> e) {
					String name = String.valueOf(e.get("field"));
					String[] f = FIELDS.getOrDefault(name.startsWith("name") ? "statusNames" : name,
							field("", "Settings"));
					out.add(new FieldError(f[0], f[1], String.valueOf(e.get("reason"))));
				}
			}
		}
		if (out.isEmpty()) {
			out.add(new FieldError("", "", problem.getBody().getDetail()));
		}
		return out;
	}

	private static String[] field(String id, String label) {
		return new String[] { id, label };
	}

	private static boolean ticked(String value) {
		return value != null && (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("on"));
	}

	private static String flag(boolean value) {
		return value ? "true" : null;
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
