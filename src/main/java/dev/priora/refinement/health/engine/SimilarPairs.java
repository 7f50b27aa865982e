package dev.priora.refinement.health.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Pairs of texts whose sentence vectors are at least a threshold alike, by cosine
 * similarity: every pair is compared (O(n·m·d), so the caller bounds n and m: 500 by 500
 * vectors of 384 dimensions is about 100 million multiply-adds, some tens of
 * milliseconds). Chosen over an approximate nearest-neighbour index because the inputs
 * are small and bounded, and the answer is then exact. Vectors need not be of unit
 * length; a zero vector is like nothing.
 */
public final class SimilarPairs {

	private SimilarPairs() {
	}

	/**
	 * Vector {@code a} of the first list is {@code similarity} alike vector {@code b} of
	 * the second (of the same list, for {@link #within}: then {@code a < b}).
	 */
	public record Pair(int a, int b, double similarity) {
	}

	/** Pairs within one list, most alike first, at most {@code limit}. */
	public static List<Pair> within(List<float[]> vectors, double threshold, int limit) {
		double[] norms = norms(vectors);
		List<Pair> pairs = new ArrayList<>();
		for (int a = 0; a < vectors.size(); a++) {
			for (int b = a + 1; b < vectors.size(); b++) {
				add(pairs, a, b, cosine(vectors.get(a), vectors.get(b), norms[a], norms[b]), threshold);
			}
		}
		return top(pairs, limit);
	}

	/** Pairs of one vector of each list, most alike first, at most {@code limit}. */
	public static List<Pair> between(List<float[]> left, List<float[]> right, double threshold, int limit) {
		double[] leftNorms = norms(left);
		double[] rightNorms = norms(right);
		List<Pair> pairs = new ArrayList<>();
		for (int a = 0; a < left.size(); a++) {
			for (int b = 0; b < right.size(); b++) {
				add(pairs, a, b, cosine(left.get(a), right.get(b), leftNorms[a], rightNorms[b]), threshold);
			}
		}
		return top(pairs, limit);
	}

	private static void add(List<Pair> pairs, int a, int b, double similarity, double threshold) {
		if (similarity >= threshold) {
			pairs.add(new Pair(a, b, similarity));
		}
	}

	private static List<Pair> top(List<Pair> pairs, int limit) {
		pairs.sort(Comparator.comparingDouble(Pair::similarity)
			.reversed()
			.thenComparingInt(Pair::a)
			.thenComparingInt(Pair::b));
		return List.copyOf(pairs.subList(0, Math.min(limit, pairs.size())));
	}

	private static double[] norms(List<float[]> vectors) {
		double[] norms = new double[vectors.size()];
		for (int i = 0; i < norms.length; i++) {
			double sum = 0;
			for (float x : vectors.get(i)) {
				sum += x * x;
			}
			norms[i] = Math.sqrt(sum);
		}
		return norms;
	}

	private static double cosine(float[] x, float[] y, double nx, double ny) {
		if (nx == 0 || ny == 0 || x.length != y.length) {
			return 0;
		}
		double dot = 0;
		for (int i = 0; i < x.length; i++) {
			dot += x[i] * y[i];
		}
		return dot / (nx * ny);
	}

}
