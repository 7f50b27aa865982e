package dev.priora.insights.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names themes by their most distinctive words with class-based TF-IDF (as BERTopic
 * does): all texts of a theme form one document; a word scores its frequency in the theme
 * (share of the theme's words) times {@code log(1 + A / f)}, where {@code A} is the
 * average number of words per theme and {@code f} the word's count over all themes. Words
 * are lower-cased letter runs of three or more letters, without common English words.
 */
public final class ThemeWords {

	private static final Pattern WORD = Pattern.compile("\\p{L}{3,}");

	private static final Set<String> STOP = Set.copyOf(List.of("the", "and", "for", "are", "but", "not", "you", "all",
			"any", "can", "had", "her", "was", "one", "our", "out", "has", "have", "him", "his", "how", "its", "may",
			"new", "now", "old", "see", "two", "way", "who", "did", "get", "got", "let", "say", "she", "too", "use",
			"used", "using", "that", "this", "with", "from", "they", "them", "then", "than", "there", "their", "what",
			"when", "where", "which", "while", "will", "would", "could", "should", "into", "also", "been", "being",
			"were", "some", "such", "only", "other", "more", "most", "very", "just", "like", "about", "after", "before",
			"each", "does", "doesn", "don", "isn", "aren", "wasn", "can't", "cannot", "because", "these", "those",
			"here", "over", "under", "again", "every", "much", "many", "same", "well", "want", "need", "needs",
			"please", "thanks", "thank", "would", "it's", "i'm", "able", "make", "makes", "possible", "feature", "way",
			"still", "even", "really", "why", "your", "yours", "mine", "ours", "via", "etc", "per", "without",
			"within"));

	private ThemeWords() {
	}

	/**
	 * The {@code count} most distinctive words of each theme, best first.
	 * @param themes each theme's texts
	 */
	public static List<List<String>> top(List<List<String>> themes, int count) {
		List<Map<String, Integer>> counts = new ArrayList<>();
		Map<String, Integer> overall = new HashMap<>();
		long words = 0;
		for (List<String> texts : themes) {
			Map<String, Integer> c = new HashMap<>();
			for (String text : texts) {
				for (String w : words(text)) {
					c.merge(w, 1, Integer::sum);
					overall.merge(w, 1, Integer::sum);
					words++;
				}
			}
			counts.add(c);
		}
		double average = themes.isEmpty() ? 1 : Math.max(1, (double) words / themes.size());
		List<List<String>> out = new ArrayList<>();
		for (Map<String, Integer> c : counts) {
			double total = Math.max(1, c.values().stream().mapToInt(Integer::intValue).sum());
			out.add(c.entrySet()
				.stream()
				.filter(e -> e.getValue() > 1 || c.size() < 20)
				.sorted(Comparator
					.comparingDouble((Map.Entry<String, Integer> e) -> -e.getValue() / total
							* Math.log(1 + average / overall.get(e.getKey())))
					.thenComparing(Map.Entry::getKey))
				.limit(count)
				.map(Map.Entry::getKey)
				.toList());
		}
		return out;
	}

	/** A theme's name from its words: "export · csv · excel"; "Misc" without words. */
	public static String name(List<String> words) {
		return words.isEmpty() ? "Misc" : String.join(" · ", words);
	}

	static List<String> words(String text) {
		List<String> out = new ArrayList<>();
		if (text == null) {
			return out;
		}
		Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
		while (m.find()) {
			String w = m.group();
			if (!STOP.contains(w)) {
				out.add(w);
			}
		}
		return out;
	}

}
