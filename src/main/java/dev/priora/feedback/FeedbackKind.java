package dev.priora.feedback;

import java.util.Locale;

/**
 * What a piece of feedback is: a defect, a wish, a question, praise, a complaint or else.
 */
public enum FeedbackKind {

	BUG("Bug"), FEATURE_REQUEST("Feature request"), QUESTION("Question"), PRAISE("Praise"), COMPLAINT("Complaint"),
	OTHER("Other");

	private final String label;

	FeedbackKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** The CSS token of the kind's badge, e.g. {@code feature-request}. */
	public String token() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** The badge colour of the kind (a class of the design system's badge). */
	public String badge() {
		return switch (this) {
			case BUG -> "bad";
			case FEATURE_REQUEST -> "accent";
			case QUESTION -> "info";
			case PRAISE -> "ok";
			case COMPLAINT -> "warn";
			case OTHER -> "neutral";
		};
	}

	/**
	 * The kind named (case and blanks ignored; {@code -} for {@code _}); 400 naming
	 * {@code kind} otherwise.
	 */
	public static FeedbackKind parse(String text) {
		String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
		for (FeedbackKind k : values()) {
			if (k.name().equals(t)) {
				return k;
			}
		}
		throw dev.priora.problem.DomainProblem.invalid("kind",
				"must be one of BUG, FEATURE_REQUEST, QUESTION, PRAISE, COMPLAINT, OTHER");
	}

}
