package dev.priora.backlog;

import dev.priora.problem.DomainProblem;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks an item draft against its product, naming every bad field; normalizes labels and
 * text.
 */
final class DraftValidator {

	static final int MAX_TITLE = 300;
	static final int MAX_DESCRIPTION = 50_000;
	static final int MAX_LABELS = 20;
	static final int MAX_CRITERIA = 100;
	static final int MAX_CRITERION = 1000;

	private static final Pattern LABEL = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,49}");

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\r\\n\\t]]");

	private DraftValidator() {
	}

	/**
	 * The draft with labels lower-cased and deduplicated and text stripped; 400 listing
	 * all bad fields.
	 */
	static ItemDraft normalize(ItemDraft d, List<BigDecimal> scale) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (d.type() == null) {
			errors.put("type", "is required: one of EPIC, STORY, BUG, TASK, SPIKE");
		}
		String title = d.title() == null ? "" : d.title().strip();
		if (title.isEmpty()) {
			errors.put("title", "must not be blank");
		}
		else if (title.length() > MAX_TITLE) {
			errors.put("title", "must be at most " + MAX_TITLE + " characters, was " + title.length());
		}
		else if (CONTROL.matcher(title).find() || title.contains("\n")) {
			errors.put("title", "must be one line without control characters");
		}
		if (d.description().length() > MAX_DESCRIPTION) {
			errors.put("description",
					"must be at most " + MAX_DESCRIPTION + " characters, was " + d.description().length());
		}
		else if (CONTROL.matcher(d.description()).find()) {
			errors.put("description", "must not contain control characters");
		}
		if (d.estimate() != null && scale.stream().noneMatch(v -> v.compareTo(d.estimate()) == 0)) {
			errors.put("estimate",
					"must be one of the product's scale: " + scale.stream()
						.map(v -> v.stripTrailingZeros().toPlainString())
						.collect(Collectors.joining(", ")));
		}
		Set<String> labels = new LinkedHashSet<>();
		for (String label : d.labels()) {
			String l = label == null ? "" : label.strip().toLowerCase(Locale.ROOT);
			if (!LABEL.matcher(l).matches()) {
				errors.put("labels", "each label is 1 to 50 letters, digits, '.', '_' or '-', starting with a letter"
						+ " or digit; '" + abbreviate(l) + "' is not");
			}
			labels.add(l);
		}
		if (labels.size() > MAX_LABELS) {
			errors.put("labels", "at most " + MAX_LABELS + " labels");
		}
		if (d.acceptanceCriteria().size() > MAX_CRITERIA) {
			errors.put("acceptanceCriteria", "at most " + MAX_CRITERIA + " criteria");
		}
		for (int i = 0; i < d.acceptanceCriteria().size(); i++) {
			String s = d.acceptanceCriteria().get(i).statement();
			if (s.length() > MAX_CRITERION || CONTROL.matcher(s).find()) {
				errors.put("acceptanceCriteria[" + i + "].statement",
						"must be at most " + MAX_CRITERION + " characters without control characters");
			}
		}
		if (d.type() == ItemType.EPIC && d.parent() != null) {
			errors.put("parent", "an epic cannot have a parent");
		}
		if (!errors.isEmpty()) {
			throw DomainProblem.invalid(errors);
		}
		return new ItemDraft(d.type(), title, d.description(), d.estimate(), List.copyOf(labels), d.parent(),
				d.acceptanceCriteria());
	}

	private static String abbreviate(String s) {
		return s.length() > 20 ? s.substring(0, 20) + "…" : s;
	}

}
