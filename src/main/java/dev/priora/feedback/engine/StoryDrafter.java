package dev.priora.feedback.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drafts a user story from a piece of feedback: "As a <role>, I want <goal>, so that
 * <benefit>", with an acceptance-criteria skeleton. The role is given (from the
 * customer's segment or contact); the goal is the feedback's first request sentence with
 * its lead-in ("we need", "please", "I would like") removed; the benefit is the clause
 * after "so that", "because", "in order to" or "to be able to", or left for the product
 * owner to fill in. A heuristic, to be edited before saving — never saved as is.
 */
public final class StoryDrafter {

	/**
	 * The draft: a title, the story sentence and one skeleton criterion per request
	 * sentence (at most five).
	 */
	public record Draft(String title, String story, List<String> acceptanceCriteria) {
		public Draft {
			acceptanceCriteria = List.copyOf(acceptanceCriteria);
		}
	}

	private static final Pattern BENEFIT = Pattern
		.compile("(?i)\\b(?:so that|so we can|so i can|because|in order to|to be able to)\\b\\s*(.+)");

	private static final Pattern LEAD_IN = Pattern.compile(
			"(?i)^(?:hi|hello|dear [^,]*)?[,!.\\s]*(?:it would be (?:great|nice|useful) if (?:we|i|you) could|"
					+ "(?:we|i) (?:really )?(?:would like|'d like|need|want|wish|would love)(?: to| you to)?|"
					+ "(?:could|can) you(?: please)?|please|pls|feature request:?|request:?)\\s*",
			Pattern.UNICODE_CASE);

	private static final String BENEFIT_PLACEHOLDER = "<benefit: why it matters to them>";

	private StoryDrafter() {
	}

	/** A draft for the feedback; {@code role} defaults to "customer" when blank. */
	public static Draft draft(String role, String title, String text) {
		String who = role == null || role.isBlank() ? "customer" : role.strip().toLowerCase(Locale.ROOT);
		String body = (text == null ? "" : text).replaceAll("\\s+", " ").strip();
		List<String> sentences = sentences(body);
		String first = sentences.isEmpty() ? (title == null ? "" : title.strip()) : sentences.get(0);
		String benefit = BENEFIT_PLACEHOLDER;
		Matcher m = BENEFIT.matcher(body);
		if (m.find()) {
			benefit = trimEnd(m.group(1).split("(?<=[.!?])\\s")[0]);
			first = first
				.replaceAll("(?i)\\s*\\b(?:so that|so we can|so i can|because|in order to|to be able to)\\b.*$", "");
		}
		String goal = goal(first);
		if (goal.isEmpty()) {
			goal = goal(title == null ? "" : title);
		}
		String storyTitle = title != null && !title.isBlank() ? title.strip() : capitalize(abbreviate(goal, 80));
		String story = "As " + article(who) + " " + who + ", I want " + goal + ", so that " + benefit + ".";
		List<String> criteria = new ArrayList<>();
		for (String s : sentences.subList(0, Math.min(5, sentences.size()))) {
			String g = goal(s.replaceAll("(?i)\\s*\\b(?:so that|because|in order to)\\b.*$", ""));
			if (!g.isEmpty()) {
				criteria.add("Given " + article(who) + " " + who + ", when they " + abbreviate(g, 120)
						+ ", then <expected outcome>");
			}
		}
		if (criteria.isEmpty()) {
			criteria.add("Given " + article(who) + " " + who + ", when <action>, then <expected outcome>");
		}
		return new Draft(abbreviate(storyTitle, 300), story, criteria);
	}

	private static String goal(String sentence) {
		String g = LEAD_IN.matcher(sentence.strip()).replaceFirst("");
		g = trimEnd(g);
		boolean acronym = g.length() > 1 && Character.isUpperCase(g.charAt(1));
		return g.isEmpty() || acronym ? g : Character.toLowerCase(g.charAt(0)) + g.substring(1);
	}

	private static List<String> sentences(String text) {
		List<String> out = new ArrayList<>();
		for (String s : text.split("(?<=[.!?])\\s+")) {
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
