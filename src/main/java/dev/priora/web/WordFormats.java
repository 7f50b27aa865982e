package dev.priora.web;

import java.util.Locale;
import java.util.Set;

/**
 * How pages write words (through {@link Formats}, {@code #fmt}): enum constants as words,
 * labels and CSS tokens, a person's initials and avatar tone, and an error message split
 * into the field it names and the reason.
 */
final class WordFormats {

	private static final Set<String> ACRONYMS = Set.of("api", "csv", "json", "url", "cp-sat");

	/** An enum constant as words: IN_PROGRESS → "in progress", API → "API". */
	public String words(Object constant) {
		if (constant == null) {
			return "";
		}
		String name = constant instanceof Enum<?> e ? e.name() : constant.toString();
		String words = name.replace('_', ' ').toLowerCase(Locale.ROOT);
		return ACRONYMS.contains(words) ? words.toUpperCase(Locale.ROOT) : words;
	}

	/** An enum constant as a label: IN_PROGRESS → "In progress". */
	public String label(Object constant) {
		String w = words(constant);
		return w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
	}

	/** A CSS-safe token of a constant: IN_PROGRESS → "in-progress". */
	public String token(Object constant) {
		return words(constant).toLowerCase(Locale.ROOT).replace(' ', '-');
	}

	/** Up to two initials of a name or e-mail: "Mika Kovač" → "MK". */
	public String initials(String name) {
		if (name == null || name.isBlank()) {
			return "?";
		}
		String base = name.contains("@") ? name.substring(0, name.indexOf('@')) : name;
		String[] parts = base.strip().split("[\\s._-]+");
		StringBuilder out = new StringBuilder();
		for (String p : parts) {
			if (!p.isEmpty() && out.length() < 2 && Character.isLetterOrDigit(p.codePointAt(0))) {
				out.appendCodePoint(Character.toUpperCase(p.codePointAt(0)));
			}
		}
		return out.length() == 0 ? "?" : out.toString();
	}

	/** One of eight avatar tones, stable per name: "tone-3". */
	public String tone(String name) {
		return "tone-" + Math.floorMod(name == null ? 0 : name.hashCode(), 8);
	}

	/** The field an error message names ("title: must not be blank" → "title"), or "". */
	public String errorField(String message) {
		if (message == null) {
			return "";
		}
		int colon = message.indexOf(": ");
		String field = colon < 0 ? "" : message.substring(0, colon);
		return field.matches("[A-Za-z][A-Za-z0-9_.\\[\\]]{0,40}") ? field : "";
	}

	/**
	 * The error message without its field: "title: must not be blank" → "must not be
	 * blank".
	 */
	public String errorReason(String message) {
		String field = errorField(message);
		return field.isEmpty() ? message : message.substring(field.length() + 2);
	}

}
