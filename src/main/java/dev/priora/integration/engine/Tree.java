package dev.priora.integration.engine;

import java.util.List;
import java.util.Map;

/**
 * Reading a parsed JSON document given as plain Java values: maps, lists, strings,
 * numbers, booleans and nulls. Missing paths read as empty, never as an error.
 */
final class Tree {

	private Tree() {
	}

	/** The value at the path of field names, or null. */
	static Object at(Object node, String... path) {
		Object n = node;
		for (String p : path) {
			if (!(n instanceof Map<?, ?> m)) {
				return null;
			}
			n = m.get(p);
		}
		return n;
	}

	/** The text at the path ("" when missing or not a value; numbers as written). */
	static String text(Object node, String... path) {
		Object v = at(node, path);
		if (v instanceof String s) {
			return s;
		}
		if (v instanceof Number || v instanceof Boolean) {
			return String.valueOf(v);
		}
		return "";
	}

	/** The list at the path, or an empty list. */
	static List<?> list(Object node, String... path) {
		return at(node, path) instanceof List<?> l ? l : List.of();
	}

	static boolean isMap(Object node) {
		return node instanceof Map<?, ?>;
	}

	static boolean has(Object node, String field) {
		return node instanceof Map<?, ?> m && m.containsKey(field) && m.get(field) != null;
	}

	/** The plain text of a value: a string, or an Atlassian document (its text nodes). */
	static String plain(Object v) {
		if (v instanceof String s) {
			return s;
		}
		StringBuilder b = new StringBuilder();
		collect(v, b);
		return b.toString().strip();
	}

	private static void collect(Object v, StringBuilder b) {
		if (v instanceof Map<?, ?> m) {
			if ("text".equals(m.get("type")) && m.get("text") instanceof String t) {
				b.append(t);
			}
			else if ("hardBreak".equals(m.get("type"))) {
				b.append('\n');
			}
			else if ("mention".equals(m.get("type")) && at(m, "attrs", "text") instanceof String t) {
				b.append(t);
			}
			collect(m.get("content"), b);
			if ("paragraph".equals(m.get("type")) || "heading".equals(m.get("type"))
					|| "listItem".equals(m.get("type"))) {
				b.append('\n');
			}
		}
		else if (v instanceof List<?> l) {
			l.forEach(x -> collect(x, b));
		}
	}

}
