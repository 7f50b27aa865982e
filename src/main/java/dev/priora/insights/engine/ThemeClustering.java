package dev.priora.insights.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.Clusterable;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.JDKRandomGenerator;

/**
 * Groups unit-length sentence vectors into themes with k-means++ (commons-math3), the
 * number of themes chosen from the data by {@link ThemeCount} (the best silhouette among
 * k fitted on a sample of at most {@value #CHOICE_SAMPLE} vectors; at most
 * {@value #MAX_K}). Above that size the winner is fitted again on at most
 * {@value #FIT_SAMPLE} vectors and every vector joins its nearest centroid, so 100,000
 * vectors cost a few k-means runs on samples plus one pass. A theme holding more than
 * {@code maxShare} of the vectors is split in two (2-means) until none does (a theme of
 * at most {@value #MIN_SPLIT} never is). k-means was chosen over HDBSCAN because HDBSCAN
 * needs all pairwise distances (100,000² does not fit in memory) and leaves noise
 * unassigned; on Euclidean distance between unit vectors it ranks like cosine similarity.
 */
public final class ThemeClustering {

	static final int MAX_K = 60;

	static final int CHOICE_SAMPLE = 3_000;

	static final int FIT_SAMPLE = 20_000;

	/** A theme is never split for its share while it holds at most this many vectors. */
	static final int MIN_SPLIT = 20;

	private static final int ITERATIONS = 30;

	/**
	 * What to cluster.
	 *
	 * @param vectors unit-length vectors, all of one length (not copied; not changed)
	 * @param maxShare the largest share of the vectors one theme may hold, in (0, 1]
	 * @param seed the random seed: equal inputs and seeds give equal results
	 */
	public record Input(float[][] vectors, double maxShare, long seed) {

		public Input {
			if (maxShare <= 0 || maxShare > 1) {
				throw new IllegalArgumentException("maxShare must be in (0, 1]");
			}
		}

	}

	/**
	 * The themes found.
	 *
	 * @param assignment the theme of each vector, 0 to {@code centroids.length - 1}
	 * @param centroids each theme's unit-length mean vector
	 * @param similarity each vector's cosine similarity to its theme's centroid
	 * @param silhouette the simplified silhouette of the chosen k on the sample (−1 to 1)
	 */
	public record Result(int[] assignment, float[][] centroids, double[] similarity, double silhouette) {

		public int themes() {
			return centroids.length;
		}

	}

	private ThemeClustering() {
	}

	/**
	 * The themes of the vectors; no vectors give no themes, fewer than five one theme.
	 */
	public static Result cluster(Input input) {
		float[][] v = input.vectors();
		int n = v.length;
		if (n == 0) {
			return new Result(new int[0], new float[0][], new double[0], 0);
		}
		Random random = new Random(input.seed());
		double[][] centroids;
		double silhouette = 0;
		if (n < 5) {
			centroids = new double[][] { mean(v, null, -1) };
		}
		else {
			List<double[]> choice = sample(v, CHOICE_SAMPLE, random);
			ThemeCount.Choice chosen = ThemeCount.choose(choice, n, random);
			silhouette = chosen.silhouette();
			// a sample holding every vector was fitted already (best of several starts)
			centroids = n <= CHOICE_SAMPLE ? chosen.centroids()
					: fit(sample(v, FIT_SAMPLE, random), chosen.k(), random.nextInt());
		}
		int[] assignment = assign(v, centroids);
		assignment = splitLarge(v, assignment, input.maxShare(), random);
		return finish(v, assignment, silhouette);
	}

	/**
	 * Two themes from one (a person's split): 2-means over the vectors, or all in the
	 * first when there are fewer than two.
	 */
	public static Result split(float[][] vectors, long seed) {
		if (vectors.length < 2) {
			return finish(vectors, new int[vectors.length], 0);
		}
		double[][] c = fit(sample(vectors, FIT_SAMPLE, new Random(seed)), 2, (int) seed);
		int[] assignment = assign(vectors, c);
		if (Arrays.stream(assignment).distinct().count() < 2) {
			assignment[assignment.length - 1] = 1 - assignment[0];
		}
		return finish(vectors, assignment, 0);
	}

	/** The unit-length mean of the vectors (all zero when there are none). */
	public static float[] centroid(List<float[]> vectors) {
		if (vectors.isEmpty()) {
			return new float[0];
		}
		double[] m = mean(vectors.toArray(float[][]::new), null, -1);
		float[] out = new float[m.length];
		for (int i = 0; i < m.length; i++) {
			out[i] = (float) m[i];
		}
		return out;
	}

	/**
	 * The cosine similarity of two vectors of unit length (0 when their lengths differ).
	 */
	public static double cosine(float[] a, float[] b) {
		if (a.length != b.length) {
			return 0;
		}
		double dot = 0;
		for (int i = 0; i < a.length; i++) {
			dot += a[i] * b[i];
		}
		return dot;
	}

	private record Point(double[] getPoint) implements Clusterable {
	}

	static double[][] fit(List<double[]> points, int k, int seed) {
		if (points.size() <= k) {
			return points.toArray(double[][]::new);
		}
		var clusterer = new KMeansPlusPlusClusterer<Point>(k, ITERATIONS, new EuclideanDistance(),
				new JDKRandomGenerator(seed));
		List<CentroidCluster<Point>> clusters = clusterer.cluster(points.stream().map(Point::new).toList());
		return clusters.stream().map(c -> unit(c.getCenter().getPoint())).toArray(double[][]::new);
	}

	private static int[] assign(float[][] v, double[][] centroids) {
		int[] out = new int[v.length];
		for (int i = 0; i < v.length; i++) {
			double best = -2;
			for (int c = 0; c < centroids.length; c++) {
				double s = dot(v[i], centroids[c]);
				if (s > best) {
					best = s;
					out[i] = c;
				}
			}
		}
		return out;
	}

	private static int[] splitLarge(float[][] v, int[] assignment, double maxShare, Random random) {
		int limit = Math.max(MIN_SPLIT, (int) Math.floor(maxShare * v.length));
		int themes = Arrays.stream(assignment).max().orElse(-1) + 1;
		for (int round = 0; round < 200; round++) {
			int[] sizes = new int[themes];
			for (int a : assignment) {
				sizes[a]++;
			}
			int largest = 0;
			for (int t = 1; t < themes; t++) {
				largest = sizes[t] > sizes[largest] ? t : largest;
			}
			if (themes == 0 || sizes[largest] <= limit) {
				return assignment;
			}
			List<Integer> members = new ArrayList<>();
			for (int i = 0; i < v.length; i++) {
				if (assignment[i] == largest) {
					members.add(i);
				}
			}
			float[][] part = members.stream().map(i -> v[i]).toArray(float[][]::new);
			int[] halves = split(part, random.nextLong()).assignment();
			for (int j = 0; j < halves.length; j++) {
				if (halves[j] == 1) {
					assignment[members.get(j)] = themes;
				}
			}
			themes++;
		}
		return assignment;
	}

	private static Result finish(float[][] v, int[] assignment, double silhouette) {
		int themes = Arrays.stream(assignment).max().orElse(-1) + 1;
		float[][] centroids = new float[themes][];
		for (int t = 0; t < themes; t++) {
			double[] m = mean(v, assignment, t);
			centroids[t] = new float[m.length];
			for (int i = 0; i < m.length; i++) {
				centroids[t][i] = (float) m[i];
			}
		}
		double[] similarity = new double[v.length];
		for (int i = 0; i < v.length; i++) {
			similarity[i] = cosine(v[i], centroids[assignment[i]]);
		}
		return new Result(assignment, centroids, similarity, silhouette);
	}

	private static double[] mean(float[][] v, int[] assignment, int theme) {
		double[] sum = new double[v[0].length];
		for (int i = 0; i < v.length; i++) {
			if (assignment == null || assignment[i] == theme) {
				for (int d = 0; d < sum.length; d++) {
					sum[d] += v[i][d];
				}
			}
		}
		return unit(sum);
	}

	private static List<double[]> sample(float[][] v, int size, Random random) {
		int[] order = new int[v.length];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		int take = Math.min(size, v.length);
		for (int i = 0; i < take; i++) {
			int j = i + random.nextInt(v.length - i);
			int t = order[i];
			order[i] = order[j];
			order[j] = t;
		}
		List<double[]> out = new ArrayList<>(take);
		for (int i = 0; i < take; i++) {
			float[] f = v[order[i]];
			double[] d = new double[f.length];
			for (int j = 0; j < f.length; j++) {
				d[j] = f[j];
			}
			out.add(d);
		}
		return out;
	}

	private static double[] unit(double[] x) {
		double norm = 0;
		for (double d : x) {
			norm += d * d;
		}
		norm = Math.sqrt(norm);
		double[] out = new double[x.length];
		for (int i = 0; i < x.length; i++) {
			out[i] = norm == 0 ? 0 : x[i] / norm;
		}
		return out;
	}

	private static double dot(float[] a, double[] b) {
		double s = 0;
		for (int i = 0; i < a.length; i++) {
			s += a[i] * b[i];
		}
		return s;
	}

}
