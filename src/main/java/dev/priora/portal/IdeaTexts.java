package dev.priora.portal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.priora.feedback.FeedbackService;
import dev.priora.problem.DomainProblem;

/**
 * The checks on what visitors type: a title is one line of 1 to 300 characters, a text
 * and a comment are required and bounded, a category is one of the portal's; no control
 * characters. HTML is not refused but never rendered: Markdown is rendered with HTML
 * escaped.
 */
final class IdeaTexts {

	static final int MAX_COMMENT = 5000;

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\r\\t]]");

	private IdeaTexts() {
	}

	/** An idea's title, text and category, stripped; 400 naming each bad field. */
	static List<String> idea(String title, String text, String category, List<String> categories) {
		String t = title == null ? "" : title.strip();
		String x = text == null ? "" : text.strip();
		String c = category == null ? "" : category.strip();
		Map<String, String> errors = new LinkedHashMap<>();
		if (t.isEmpty() || t.length() > 300 || CONTROL.matcher(t).find() || t.contains("\n") || t.contains("\r")) {
			errors.put("title", "is one line of 1 to 300 characters");
		}
		if (x.isEmpty() || x.length() > FeedbackService.MAX_TEXT || CONTROL.matcher(x).find()) {
			errors.put("text", "is required, at most " + FeedbackService.MAX_TEXT + " characters");
		}
		if (!c.isEmpty() && !categories.contains(c)) {
			errors.put("category", "is not one of this portal's categories");
		}
		if (!errors.isEmpty()) {
			throw DomainProblem.invalid(errors);
		}
		return List.of(t, x, c);
	}

	static String comment(String body) {
		String b = body == null ? "" : body.strip();
		if (b.isEmpty() || b.length() > MAX_COMMENT || CONTROL.matcher(b).find()) {
			throw DomainProblem.invalid("body", "is required, at most " + MAX_COMMENT + " characters");
		}
		return b;
	}

	/** A decline reason: at most 1000 characters, required when declining. */
	static String reason(IdeaStatus status, String reason) {
		String r = reason == null ? "" : reason.strip();
		if (status == IdeaStatus.DECLINED && r.isEmpty()) {
			throw DomainProblem.invalid("reason", "say why the idea is declined");
		}
		if (r.length() > 1000 || CONTROL.matcher(r).find()) {
			throw DomainProblem.invalid("reason", "is at most 1000 characters");
		}
		return status == IdeaStatus.DECLINED ? r : "";
	}

}
