package dev.priora.feedback.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A bag of words for the product's kind model: lower-cased word unigrams and bigrams (and
 * a token for each question mark) hashed into {@link #BUCKETS} buckets, weighted by
 * sublinear term frequency (1 + ln tf) times smoothed inverse document frequency (ln((1 +
 * n) / (1 + df)) + 1, learned from the training texts) and scaled to unit length. Hashing
 * keeps memory bounded whatever the vocabulary; buckets never seen in training are left
 * out (the model has no weight for them). Only the first {@link #MAX_CHARS} characters of
 * a text are read.
 */
public final class HashedTfIdf {

	/** Number of hash buckets (2^18). */
	public static final int BUCKETS = 1 << 18;

	static final int MAX_CHARS = 6000;

	private final Map<Integer, Double> idf;

	private HashedTfIdf(Map<Integer, Double> idf) {
		this.idf = idf;
	}

	/** Learns the document frequencies of the given texts. */
	public static HashedTfIdf fit(List<String> texts) {
		Map<Integer, Integer> df = new HashMap<>();
		for (String text : texts) {
			for (Integer bucket : counts(text).keySet()) {
				df.merge(bucket, 1, Integer::sum);
			}
		}
		int n = texts.size();
		Map<Integer, Double> idf = new HashMap<>();
		df.forEach((bucket, d) -> idf.put(bucket, Math.log((1.0 + n) / (1.0 + d)) + 1));
		return new HashedTfIdf(idf);
	}

	/** The text's unit-length weights by bucket (known buckets only). */
	public Map<Integer, Double> vector(String text) {
		Map<Integer, Double> out = new HashMap<>();
		double norm = 0;
		for (var e : counts(text).entrySet()) {
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
		String t = text == null ? "" : text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
		Map<Integer, Integer> counts = new HashMap<>();
		String previous = null;
		StringBuilder word = new StringBuilder();
		for (int i = 0; i <= t.length(); i++) {
			char c = i < t.length() ? t.charAt(i) : ' ';
			if (Character.isLetterOrDigit(c)) {
				word.append(Character.toLowerCase(c));
				continue;
			}
			if (c == '?') {
				counts.merge(bucket("?"), 1, Integer::sum);
			}
			if (word.length() > 1) {
				String w = word.toString();
				counts.merge(bucket(w), 1, Integer::sum);
				if (previous != null) {
					counts.merge(bucket(previous + " " + w), 1, Integer::sum);
				}
				previous = w;
			}
			word.setLength(0);
		}
		return counts;
	}

	static int bucket(String token) {
		int h = token.toLowerCase(Locale.ROOT).hashCode() * 0x9E3779B1;
		return Math.floorMod(h ^ (h >>> 15), BUCKETS);
	}

}
