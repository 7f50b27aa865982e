package dev.priora.insights;

import java.util.Locale;

/**
 * Labels of the feedback kinds as stored ({@code FEATURE_REQUEST} → "Feature request").
 */
final class Kinds {

	private Kinds() {
	}

	static String label(String kind) {
		if (kind == null || kind.isEmpty()) {
			return "Not classified";
		}
		String s = kind.replace('_', ' ').toLowerCase(Locale.ROOT);
		return Character.toUpperCase(s.charAt(0)) + s.substring(1);
	}

}
