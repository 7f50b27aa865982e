package dev.priora.feedback.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A bag of terms for the product's kind model, hashed into {@link #BUCKETS} buckets,
 * weighted by sublinear term frequency (1 + ln tf) times smoothed inverse document
 * frequency (ln((1 + n) / (1 + df)) + 1, learned from the training texts) and scaled to
 * unit length. Two kinds of terms ({@link Terms}): lower-cased words, word bigrams, a
 * token for each question mark and the title's words once more as title words (the first
 * line of a text, {@code KindClassifier.fullText}); or character 3–5-grams inside words
 * padded with spaces (scikit-learn's {@code char_wb}: robust to inflections, identifiers
 * and typos). Hashing keeps memory bounded whatever the vocabulary; buckets never seen in
 * training are left out (the model has no weight for them). Only the first
 * {@link #MAX_CHARS} characters of a text are read (character n-grams: the first
 * {@link #MAX_CHARS_GRAMS}).
 */
public final class HashedTfIdf {

	/** What the terms are. */
	public enum Terms {

		/** Words and word bigrams, question marks, title words. */
		WORDS,
		/** Character 3–5-grams within words. */
		CHARS

	}

	/** Number of hash buckets (2^18). */
	public static final int BUCKETS = 1 << 18;

	static final int MAX_CHARS = 6000;

	static final int MAX_CHARS_GRAMS = 3000;

	private final Map<Integer, Double> idf;

	private final Terms terms;

	private HashedTfIdf(Map<Integer, Double> idf, Terms terms) {
		this.idf = idf;
		this.terms = terms;
	}

	/** Learns the document frequencies of the words of the given texts. */
	public static HashedTfIdf fit(List<String> texts) {
		return fit(texts, Terms.WORDS);
	}

	/** Learns the document frequencies of the given texts' terms. */
	public static HashedTfIdf fit(List<String> texts, Terms terms) {
		Map<Integer, Integer> df = new HashMap<>();
		for (String text : texts) {
			for (Integer bucket : counts(text, terms).keySet()) {
				df.merge(bucket, 1, Integer::sum);
			}
		}
		int n = texts.size();
		Map<Integer, Double> idf = new HashMap<>();
		df.forEach((bucket, d) -> idf.put(bucket, Math.log((1.0 + n) / (1.0 + d)) + 1));
		return new HashedTfIdf(idf, terms);
	}

	/** The text's unit-length weights by bucket (known buckets only). */
	public Map<Integer, Double> vector(String text) {
		Map<Integer, Double> out = new HashMap<>();
		double norm = 0;
		for (var e : counts(text, terms).entrySet()) {
			Double w = idf.get(e.getKey());
			if (w != null) {
				double v = (1 + Math.log(e.getValue())) * w;
				out.put(e.getKey(), v);
				norm += v * v;
			}
		}
		double length = Math.sqrt(norm);
		if (length > 0) {
			out.replaceAll((k, v) -> v / length);
		}
		return out;
	}

	/** How many buckets the training texts filled. */
	public int size() {
		return idf.size();
	}

	static Map<Integer, Integer> counts(String text) {
		return counts(text, Terms.WORDS);
	}

	static Map<Integer, Integer> counts(String text, Terms terms) {
		String t = text == null ? "" : text;
		int limit = terms == Terms.WORDS ? MAX_CHARS : MAX_CHARS_GRAMS;
		t = t.length() > limit ? t.substring(0, limit) : t;
		Map<Integer, Integer> counts = new HashMap<>();
		String previous = null;
		boolean inTitle = t.indexOf('\n') > 0;
		StringBuilder word = new StringBuilder();
		for (int i = 0; i <= t.length(); i++) {
			char c = i < t.length() ? t.charAt(i) : ' ';
			if (Character.isLetterOrDigit(c)) {
				word.append(Character.toLowerCase(c));
				continue;
			}
			if (c == '?' && terms == Terms.WORDS) {
				counts.merge(bucket("?"), 1, Integer::sum);
			}
			if (word.length() > 1) {
				String w = word.toString();
				if (terms == Terms.CHARS) {
					charGrams(w, counts);
				}
				else {
					counts.merge(bucket(w), 1, Integer::sum);
					if (inTitle) {
						counts.merge(bucket("title " + w), 1, Integer::sum);
					}
					if (previous != null) {
						counts.merge(bucket(previous + " " + w), 1, Integer::sum);
					}
				}
				previous = w;
			}
			inTitle &= c != '\n';
			word.setLength(0);
		}
		return counts;
	}

	/**
	 * The 3–5-grams of a (lower-case) word padded with a space on each side, each
	 * bucketed as {@code bucket("#" + gram)} without building the string.
	 */
	private static void charGrams(String w, Map<Integer, Integer> counts) {
		String padded = " " + w + " ";
		for (int n = 3; n <= 5; n++) {
			for (int i = 0; i + n <= padded.length(); i++) {
				int h = '#';
				for (int j = i; j < i + n; j++) {
					h = 31 * h + padded.charAt(j);
				}
				counts.merge(spread(h), 1, Integer::sum);
			}
		}
	}

	static int bucket(String token) {
		return spread(token.toLowerCase(Locale.ROOT).hashCode());
	}

	private static int spread(int hash) {
		int h = hash * 0x9E3779B1;
		return Math.floorMod(h ^ (h >>> 15), BUCKETS);
	}

}
