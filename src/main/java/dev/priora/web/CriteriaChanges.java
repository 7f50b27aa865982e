package dev.priora.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A change of an item's acceptance criteria in words, for its history: the criteria are
 * recorded as lines "[x] statement" (met) or "[ ] statement", and the change reads
 * "ticked “Pay by card”; added “Refunds work”" instead of the two lists.
 */
final class CriteriaChanges {

	private static final int LONGEST = 80;

	private CriteriaChanges() {
	}

	static String describe(String before, String after) {
		Map<String, Boolean> old = parse(before);
		Map<String, Boolean> now = parse(after);
		List<String> parts = new ArrayList<>();
		now.forEach((statement, met) -> {
			Boolean was = old.get(statement);
			if (was == null) {
				parts.add("added " + quoted(statement) + (met ? " (met)" : ""));
			}
			else if (!was.equals(met)) {
				parts.add((met ? "ticked " : "unticked ") + quoted(statement));
			}
		});
		old.keySet().stream().filter(s -> !now.containsKey(s)).forEach(s -> parts.add("removed " + quoted(s)));
		if (parts.isEmpty()) {
			return old.isEmpty() ? "none" : "reordered";
		}
		return String.join("; ", parts);
	}

	private static Map<String, Boolean> parse(String text) {
		Map<String, Boolean> criteria = new LinkedHashMap<>();
		if (text == null) {
			return criteria;
		}
		for (String line : text.split("\n")) {
			String l = line.strip();
			if (l.startsWith("[x] ") || l.startsWith("[X] ")) {
				criteria.put(l.substring(4).strip(), true);
			}
			else if (l.startsWith("[ ] ")) {
				criteria.put(l.substring(4).strip(), false);
			}
			else if (!l.isEmpty()) {
				criteria.put(l, false);
			}
		}
		return criteria;
	}

	private static String quoted(String statement) {
		return "“" + (statement.length() > LONGEST ? statement.substring(0, LONGEST - 1) + "…" : statement) + "”";
	}

}
