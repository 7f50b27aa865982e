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
		// four sums side by side, in float: the additions of one do not wait on another's
		// (about
		// a quarter faster than one double sum on 500 vectors of 384 dimensions)
		float s0 = 0;
		float s1 = 0;
		float s2 = 0;
		float s3 = 0;
		int i = 0;
		for (; i + 3 < x.length; i += 4) {
			s0 += x[i] * y[i];
			s1 += x[i + 1] * y[i + 1];
			s2 += x[i + 2] * y[i + 2];
			s3 += x[i + 3] * y[i + 3];
		}
		for (; i < x.length; i++) {
			s0 += x[i] * y[i];
		}
		return ((double) s0 + s1 + s2 + s3) / (nx * ny);
	}

}
