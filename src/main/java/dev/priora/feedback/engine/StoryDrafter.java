package dev.priora.feedback.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drafts a user story from a piece of feedback: "As a <role>, I want <goal>, so that
 * <benefit>". The role is given (from the customer's segment or contact). The goal comes
 * from the first clause that says what someone wants, in one of a few shapes that turn
 * into a sentence ("we need X", "shoppers want to X", "search should X", "please let
 * shoppers X", "tell us when X", "X would help"); the benefit from a clause after "so
 * that", "so we can" or "in order to". A part the feedback does not give is left empty —
 * never filled with template text — for the product owner to write; the form shows a hint
 * there instead. A heuristic, to be edited before saving.
 */
public final class StoryDrafter {

	/**
	 * The draft: a title, the parts of the story (empty when the feedback does not say),
	 * the story sentence made of them (empty without a goal), and acceptance criteria
	 * (none are guessed: the form offers empty ones with a hint).
	 */
	public record Draft(String title, String role, String goal, String benefit, String story,
			List<String> acceptanceCriteria) {
		public Draft {
			acceptanceCriteria = List.copyOf(acceptanceCriteria);
		}
	}

	private static final String SUBJECT = "((?:our |the |my |many |most |some |all |lots of |a lot of )?"
			+ "[\\p{L}][\\p{L}\\d' -]{0,40}?)";

	private static final Pattern BENEFIT = Pattern.compile(
			"(?i)(?:,\\s*)?\\b(?:so that|so(?= (?:we|i|they|you|our|the|it|\\p{L}+) (?:can|could|will|would|don't|do not)\\b)|in order to)\\s+(.+)$");

	private static final Pattern FIRST_PERSON = Pattern
		.compile("(?i)^(?:.*?\\b(?:and|but|so|,)\\s+)?(?:we|i)?\\s*(?:really |also |urgently |just )?"
				+ "(?:need|want|would like|'d like|wish|would love|are asking for|ask for)\\s+(to\\s+)?(.+)$");

	private static final Pattern WE_START = Pattern.compile("(?i)^(?:we|i)\\b.*");

	private static final Pattern OTHERS_WANT = Pattern.compile("(?i)^(?:.*?,\\s*)?" + SUBJECT
			+ " (?:want|wants|need|needs|would like|ask for|asks for|ask|asks)" + "\\s+(to\\s+)?(.+)$");

	private static final Pattern SHOULD = Pattern
		.compile("(?i)^(?:.*?,\\s*)?" + SUBJECT + " (?:should|must|has to|have to)( also)?( be able to)? (.+)$");

	private static final Pattern LET = Pattern.compile(
			"(?i)^(?:please |pls |could you |can you |would you )?(?:let|allow|enable) ((?:our |the |my )?[\\p{L}]+) (?:to )?(.+)$");

	private static final Pattern IMPERATIVE = Pattern.compile("(?i)^(?:please |pls |could you |can you |would you )?"
			+ "((?:add|show|send|tell|give|support|offer|provide|make|notify|remind|fix|remove|include|email|split|"
			+ "warn|keep|use)\\b.+)$");

	private static final Pattern WOULD = Pattern.compile(
			"(?i)^(.{3,80}?) would (?:help|be great|be nice|be useful|be easier|be better|be faster|fix|save|let|bring|make|solve)\\b.*$");

	private static final Pattern PLACEHOLDER = Pattern.compile("<([^\\s<>][^<>\\n]{0,79}?)>");

	private static final List<String> COMMON = List.of("a", "an", "the", "our", "my", "their", "many", "most", "some",
			"all", "any", "every", "lots", "shoppers", "customers", "users", "buyers", "people", "visitors", "partners",
			"clients", "members", "search", "checkout", "webhooks");

	private static final List<String> PLACEHOLDER_WORDS = List.of("role", "goal", "benefit", "action", "outcome",
			"reason", "persona", "user", "who", "what", "why", "todo", "tbd", "feature", "value");

	private StoryDrafter() {
	}

	/** A draft for the feedback; {@code role} defaults to "customer" when blank. */
	public static Draft draft(String role, String title, String text) {
		String who = role == null || role.isBlank() ? "customer" : role.strip().toLowerCase(Locale.ROOT);
		String body = (text == null ? "" : text).replaceAll("\\s+", " ").strip();
		String goal = "";
		String benefit = "";
		for (String clause : clauses(body)) {
			Matcher b = BENEFIT.matcher(clause);
			String request = clause;
			String why = "";
			if (b.find()) {
				why = trimEnd(b.group(1));
				request = clause.substring(0, b.start()).strip();
			}
			String g = goal(request);
			if (!g.isEmpty()) {
				goal = g;
				benefit = why;
				break;
			}
		}
		if (benefit.isEmpty()) {
			Matcher b = BENEFIT.matcher(body);
			benefit = b.find() ? trimEnd(b.group(1).split("(?<=[.!?;])\\s")[0]) : "";
		}
		String storyTitle = title != null && !title.isBlank() ? title.strip()
				: capitalize(abbreviate(goal.replaceFirst("^(?:you )?to (?:be able to )?", ""), 80));
		return new Draft(abbreviate(storyTitle, 300), who, goal, benefit, compose(who, goal, benefit), List.of());
	}

	/**
	 * The story sentence: "As a role, I want goal, so that benefit." without the benefit
	 * clause when it is blank; empty without a goal.
	 */
	public static String compose(String role, String goal, String benefit) {
		String g = goal == null ? "" : trimEnd(goal);
		if (g.isEmpty()) {
			return "";
		}
		String who = role == null || role.isBlank() ? "customer" : role.strip();
		String why = benefit == null ? "" : trimEnd(benefit);
		return "As " + article(who) + " " + who + ", I want " + g + (why.isEmpty() ? "" : ", so that " + why) + ".";
	}

	/**
	 * The first template placeholder in the text ({@code <benefit: why it matters>},
	 * {@code <expected outcome>}, {@code <role>}), or empty; markup such as {@code <br/>
	 * }, {@code <a href="…">} and type names such as {@code List<String>} are not
	 * placeholders.
	 */
	public static Optional<String> placeholderIn(String text) {
		if (text == null) {
			return Optional.empty();
		}
		Matcher m = PLACEHOLDER.matcher(text);
		while (m.find()) {
			String inside = m.group(1);
			boolean markup = inside.contains("=") || inside.contains("/") || inside.contains("\"");
			boolean words = inside.matches("(?s)\\p{L}.*") && (inside.contains(" ") || inside.contains(":")
					|| inside.contains("…") || PLACEHOLDER_WORDS.contains(inside.toLowerCase(Locale.ROOT)));
			if (!markup && words) {
				return Optional.of(m.group());
			}
		}
		return Optional.empty();
	}

	/** What the clause asks for, as the object of "I want", or empty. */
	private static String goal(String clause) {
		String c = trimEnd(clause);
		Matcher m = FIRST_PERSON.matcher(c);
		if (WE_START.matcher(c).matches() && m.matches()) {
			return (m.group(1) != null ? "to " : "") + trimEnd(m.group(2));
		}
		m = LET.matcher(c);
		if (m.matches()) {
			return lower(m.group(1)) + " to be able to " + trimEnd(m.group(2));
		}
		m = IMPERATIVE.matcher(c);
		if (m.matches()) {
			String verb = trimEnd(m.group(1));
			return "you to " + Character.toLowerCase(verb.charAt(0)) + verb.substring(1);
		}
		m = SHOULD.matcher(c);
		if (m.matches() && !pronoun(m.group(1))) {
			return subject(m.group(1)) + " to" + (m.group(2) == null ? "" : " also")
					+ (m.group(3) == null ? "" : " be able to") + " " + trimEnd(m.group(4));
		}
		if (m.matches() && isWe(m.group(1))) {
			return "to" + (m.group(3) == null ? "" : " be able to") + " " + trimEnd(m.group(4));
		}
		m = OTHERS_WANT.matcher(c);
		if (m.matches() && !pronoun(m.group(1))) {
			return m.group(2) != null ? subject(m.group(1)) + " to be able to " + trimEnd(m.group(3))
					: trimEnd(m.group(3));
		}
		m = WOULD.matcher(c);
		if (m.matches() && !pronoun(m.group(1)) && !m.group(1).contains(",")) {
			return lower(trimEnd(m.group(1)));
		}
		return "";
	}

	private static boolean pronoun(String s) {
		return s.strip().toLowerCase(Locale.ROOT).matches("(?:it|this|that|they|he|she|you|we|i|there)");
	}

	private static boolean isWe(String s) {
		return s.strip().toLowerCase(Locale.ROOT).matches("(?:we|i)");
	}

	private static String subject(String s) {
		return lower(s.strip());
	}

	/**
	 * Lower-cases the first letter of a phrase that opened a sentence, unless its first
	 * word looks like a name: an acronym ("SEPA"), followed by a capitalised word ("Apple
	 * Pay"), or a people's name ("Swiss", "Italian", "German", "British", "French").
	 */
	private static String lower(String s) {
		String[] words = s.split("[ ,]", 3);
		String first = words[0];
		boolean common = COMMON.contains(first.toLowerCase(Locale.ROOT));
		boolean acronym = first.length() > 1 && Character.isUpperCase(first.charAt(1));
		boolean name = words.length > 1 && !words[1].isEmpty() && Character.isUpperCase(words[1].charAt(0));
		boolean people = first.matches("\\p{Lu}\\p{L}*(?:ish|ese|ian|ean|iss|ch|man)");
		return !common && (acronym || name || people) ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
	}

	/** Sentences and semicolon clauses of the text. */
	private static List<String> clauses(String text) {
		List<String> out = new ArrayList<>();
		for (String s : text.split("(?<=[.!?;])\\s+|;\\s*")) {
			String t = s.strip();
			if (t.length() > 3) {
				out.add(t);
			}
		}
		return out;
	}

	private static String article(String noun) {
		return noun.matches("(?i)^[aeiou].*") ? "an" : "a";
	}

	private static String trimEnd(String s) {
		return s.strip().replaceAll("[.!?;:,\\s]+$", "");
	}

	private static String capitalize(String s) {
		return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
	}

	private static String abbreviate(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max - 1).strip() + "…";
	}

}
