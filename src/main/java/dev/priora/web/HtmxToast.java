package dev.priora.web;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The toast of an htmx answer: an {@code HX-Trigger} header with the event
 * {@code priora:toast}, which the static script shows as a toast. The message is a JSON
 * string with everything outside printable ASCII escaped, as a header value must be.
 */
public final class HtmxToast {

	private HtmxToast() {
	}

	/** Sets the header that shows {@code message} as a toast once htmx has swapped. */
	public static void show(HttpServletResponse response, String message) {
		response.setHeader("HX-Trigger", "{\"priora:toast\":{\"message\":" + json(message) + "}}");
	}

	static String json(String text) {
		StringBuilder b = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\') {
				b.append('\\').append(c);
			}
			else if (c < 32 || c > 126) {
				b.append(String.format("\\u%04x", (int) c));
			}
			else {
				b.append(c);
			}
		}
		return b.append('"').toString();
	}

}
