package dev.priora.backlog.engine;

/**
 * Fractional rank keys: each key is a string of decimal digits read as the fraction
 * 0.d1d2d3…, with no trailing zero. Keys sort as strings exactly as their fractions do,
 * and in every database collation, because they hold only digits. A key can always be
 * made strictly between two others, so a move writes one row; keys grow by about one
 * digit per three inserts at the same spot, and {@link #evenlySpaced(int)} rebalances
 * when a key exceeds {@link #MAX_LENGTH}. The midpoint algorithm is the base-10 form of
 * the one in David Greenspan's "Implementing Fractional Indexing".
 */
public final class RankKeys {

	/** Longest key before the product's order is rebalanced. */
	public static final int MAX_LENGTH = 48;

	private RankKeys() {
	}

	/**
	 * A key strictly between {@code before} and {@code after}; a null {@code before}
	 * means the start of the list, a null {@code after} its end.
	 * @throws IllegalArgumentException if a key is malformed or {@code before >= after}
	 */
	public static String between(String before, String after) {
		if (before != null) {
			check(before);
		}
		if (after != null) {
			check(after);
		}
		if (before != null && after != null && before.compareTo(after) >= 0) {
			throw new IllegalArgumentException(before + " is not before " + after);
		}
		return midpoint(before == null ? "" : before, after);
	}

	private static String midpoint(String a, String b) {
		if (b != null) {
			int n = 0;
			while (n < b.length() && digitAt(a, n) == b.charAt(n) - '0') {
				n++;
			}
			if (n > 0) {
				return b.substring(0, n) + midpoint(n < a.length() ? a.substring(n) : "", b.substring(n));
			}
		}
		int low = digitAt(a, 0);
		int high = b == null ? 10 : b.charAt(0) - '0';
		if (high - low > 1) {
			return String.valueOf((char) ('0' + (low + high) / 2));
		}
		if (b != null && b.length() > 1) {
			return b.substring(0, 1);
		}
		return (char) ('0' + low) + midpoint(a.isEmpty() ? "" : a.substring(1), null);
	}

	private static int digitAt(String s, int i) {
		return i < s.length() ? s.charAt(i) - '0' : 0;
	}

	/** {@code n} keys in ascending order, evenly spread and as short as possible. */
	public static String[] evenlySpaced(int n) {
		if (n < 0) {
			throw new IllegalArgumentException("n must not be negative");
		}
		int width = String.valueOf((long) n + 1).length() + 1;
		long scale = (long) Math.pow(10, width);
		String[] keys = new String[n];
		for (int i = 0; i < n; i++) {
			long v = (i + 1) * scale / (n + 1);
			keys[i] = strip(String.format("%0" + width + "d", v));
		}
		return keys;
	}

	private static String strip(String s) {
		int end = s.length();
		while (end > 1 && s.charAt(end - 1) == '0') {
			end--;
		}
		return s.substring(0, end);
	}

	/** True when {@code key} is a well-formed rank key. */
	public static boolean isValid(String key) {
		if (key == null || key.isEmpty() || key.charAt(key.length() - 1) == '0') {
			return false;
		}
		for (int i = 0; i < key.length(); i++) {
			if (key.charAt(i) < '0' || key.charAt(i) > '9') {
				return false;
			}
		}
		return true;
	}

	private static void check(String key) {
		if (!isValid(key)) {
			throw new IllegalArgumentException("not a rank key: " + key);
		}
	}

}
