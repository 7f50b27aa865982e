package dev.priora.portal;

import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A product's names for the statuses its visitors see, stored one {@code STATUS=name} a
 * line; each name is one line of at most 40 characters, a blank one means the status's
 * own.
 */
final class StatusNames {

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}]");

	private StatusNames() {
	}

	/** The names, stripped and without blanks; a bad one is put in {@code errors}. */
	static Map<IdeaStatus, String> checked(Map<IdeaStatus, String> names, Map<String, String> errors) {
		Map<IdeaStatus, String> out = new EnumMap<>(IdeaStatus.class);
		names.forEach((status, name) -> {
			String n = name == null ? "" : name.strip();
			if (status == null || n.isEmpty()) {
				return;
			}
			if (n.length() > 40 || CONTROL.matcher(n).find()) {
				errors.put("statusNames", "each status name is one line of at most 40 characters");
				return;
			}
			out.put(status, n);
		});
		return out;
	}

	static String stored(Map<IdeaStatus, String> names) {
		StringBuilder s = new StringBuilder();
		for (IdeaStatus status : IdeaStatus.values()) {
			String n = names.get(status);
			if (n != null) {
				s.append(status.name()).append('=').append(n).append('\n');
			}
		}
		return s.toString();
	}

	static Map<IdeaStatus, String> parsed(String stored) {
		Map<IdeaStatus, String> out = new EnumMap<>(IdeaStatus.class);
		if (stored == null) {
			return out;
		}
		for (String line : stored.split("\n")) {
			int eq = line.indexOf('=');
			if (eq > 0) {
				try {
					out.put(IdeaStatus.valueOf(line.substring(0, eq)), line.substring(eq + 1));
				}
				catch (IllegalArgumentException e) {
					// a status that no longer exists: its name is dropped
				}
			}
		}
		return out;
	}

}
