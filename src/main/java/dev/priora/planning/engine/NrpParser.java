package dev.priora.planning.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the Next Release Problem file format (Bagnall et al. / Xuan et al.): levels of
 * requirement costs, dependency pairs "A B" (A is a prerequisite of B), then customers as
 * "profit count ids…"; 1-based ids, numbers separated by spaces or line breaks. Errors
 * name the line.
 */
public final class NrpParser {

	private NrpParser() {
	}

	/** A refused file: what is wrong and on which line (1-based). */
	public static final class Problem extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final int line;

		Problem(int line, String message) {
			super("line " + line + ": " + message);
			this.line = line;
		}

		public int line() {
			return line;
		}

	}

	private static final class Tokens {

		private final List<long[]> tokens = new ArrayList<>();

		private int next;

		private int lastLine = 1;

		Tokens(String text) {
			String[] lines = text.split("\r?\n|\r", -1);
			for (int i = 0; i < lines.length; i++) {
				for (String t : lines[i].strip().split("\\s+")) {
					if (t.isEmpty()) {
						continue;
					}
					try {
						tokens.add(new long[] { Long.parseLong(t), i + 1 });
					}
					catch (NumberFormatException e) {
						throw new Problem(i + 1, "'" + t + "' is not a whole number");
					}
				}
			}
		}

		long next(String what) {
			if (next >= tokens.size()) {
				throw new Problem(lastLine, "the file ends where " + what + " was expected");
			}
			long[] t = tokens.get(next++);
			lastLine = (int) t[1];
			return t[0];
		}

		int count(String what, long max) {
			long v = next(what);
			if (v < 0 || v > max) {
				throw new Problem(lastLine, what + " must be from 0 to " + max + ", was " + v);
			}
			return (int) v;
		}

		int line() {
			return lastLine;
		}

		boolean done() {
			return next >= tokens.size();
		}

	}

	public static NrpInstance parse(String text) {
		Tokens t = new Tokens(text);
		int levels = t.count("the number of levels", 1000);
		List<Integer> costs = new ArrayList<>();
		for (int l = 0; l < levels; l++) {
			int n = t.count("the number of requirements in level " + (l + 1), 10_000_000);
			for (int i = 0; i < n; i++) {
				costs.add(t.count("a requirement's cost", Integer.MAX_VALUE / 4));
			}
		}
		int m = costs.size();
		int d = t.count("the number of dependencies", 100_000_000);
		int[] pre = new int[d];
		int[] dep = new int[d];
		for (int i = 0; i < d; i++) {
			pre[i] = id(t, m, "a prerequisite id");
			dep[i] = id(t, m, "a requirement id");
		}
		int n = t.count("the number of customers", 10_000_000);
		long[] profit = new long[n];
		int[][] requests = new int[n][];
		for (int c = 0; c < n; c++) {
			long p = t.next("customer " + (c + 1) + "'s profit");
			if (p < 0) {
				throw new Problem(t.line(), "a profit must not be negative");
			}
			profit[c] = p;
			int q = t.count("customer " + (c + 1) + "'s number of requests", m);
			requests[c] = new int[q];
			for (int i = 0; i < q; i++) {
				requests[c][i] = id(t, m, "a requested requirement id");
			}
		}
		if (!t.done()) {
			throw new Problem(t.line(), "unexpected numbers after the last customer");
		}
		return new NrpInstance(costs.stream().mapToInt(Integer::intValue).toArray(), pre, dep, profit, requests);
	}

	private static int id(Tokens t, int m, String what) {
		long v = t.next(what);
		if (v < 1 || v > m) {
			throw new Problem(t.line(), what + " must be from 1 to " + m + ", was " + v);
		}
		return (int) v - 1;
	}

}
