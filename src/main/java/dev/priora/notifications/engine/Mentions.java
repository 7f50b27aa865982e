package dev.priora.notifications.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds who a text mentions among a product's members: {@code @email} (the whole address,
 * case-insensitive) or {@code @Display Name} (case-insensitive, the name followed by an
 * end of word). Longer names are tried first, so "@Ann Lee" is Ann Lee and not Ann. An
 * {@code @} inside a word (an e-mail address in the text) starts no mention, and text in
 * Markdown code (between backticks) mentions nobody. Only the given candidates can be
 * found, so a mention never reaches someone who is not a member.
 */
public final class Mentions {

	/** A member who may be mentioned. */
	public record Candidate(long id, String name, String email) {
	}

	/** A name or e-mail, lower case, and whose it is. */
	private record Word(String text, long id) {
	}

	private static final Pattern AT = Pattern.compile("(?<![\\p{L}\\p{N}._%+-])@");

	private static final Pattern CODE = Pattern.compile("```.*?```|`[^`\n]*`", Pattern.DOTALL);

	private Mentions() {
	}

	/** The ids of the candidates {@code text} mentions, in order of first mention. */
	public static Set<Long> in(String text, List<Candidate> candidates) {
		Set<Long> found = new LinkedHashSet<>();
		if (text == null || text.indexOf('@') < 0) {
			return found;
		}
		String plain = CODE.matcher(text).replaceAll(" ").toLowerCase(Locale.ROOT);
		List<Word> words = new ArrayList<>();
		for (Candidate c : candidates) {
			add(words, c.email(), c.id());
			add(words, c.name(), c.id());
		}
		words.sort(Comparator.comparingInt((Word w) -> -w.text().length()));
		Matcher at = AT.matcher(plain);
		while (at.find()) {
			for (Word w : words) {
				if (matches(plain, at.end(), w.text())) {
					found.add(w.id());
					break;
				}
			}
		}
		return found;
	}

	private static void add(List<Word> words, String text, long id) {
		if (text != null && !text.isBlank()) {
			words.add(new Word(text.strip().toLowerCase(Locale.ROOT), id));
		}
	}

	private static boolean matches(String text, int from, String w) {
		if (!text.startsWith(w, from)) {
			return false;
		}
		int end = from + w.length();
		return end == text.length()
				|| !isNamePart(text.charAt(end), end + 1 < text.length() ? text.charAt(end + 1) : ' ');
	}

	/**
	 * Whether the character continues the name (a letter, digit, or . - _ before one).
	 */
	private static boolean isNamePart(char c, char next) {
		if (Character.isLetterOrDigit(c)) {
			return true;
		}
		return (c == '.' || c == '-' || c == '_' || c == '@') && Character.isLetterOrDigit(next);
	}

}
