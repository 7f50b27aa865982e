package dev.priora.feedback.engine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which column of a feedback file holds what: {@code text} is required, the others are
 * optional (null or blank: not in the file).
 */
public record Columns(String text, String title, String customer, String date, String externalId, String tags) {

	public Columns {
		title = blank(title);
		customer = blank(customer);
		date = blank(date);
		externalId = blank(externalId);
		tags = blank(tags);
	}

	/**
	 * The column of each field, in the order text, title, customer, date, externalId,
	 * tags (null where none).
	 * @throws FeedbackFile.Refused naming {@code text} when no column holds the text
	 */
	public Map<String, String> byField() {
		if (text == null || text.isBlank()) {
			throw new FeedbackFile.Refused("text", "name the column that holds the feedback text");
		}
		Map<String, String> c = new LinkedHashMap<>();
		c.put("text", text);
		c.put("title", title);
		c.put("customer", customer);
		c.put("date", date);
		c.put("externalId", externalId);
		c.put("tags", tags);
		return c;
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
