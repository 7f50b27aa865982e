package dev.priora.insights.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Chooses the number of themes k for {@link ThemeClustering}: k-means is fitted on a
 * sample for each candidate k and the k with the best silhouette wins. Candidates run
 * from {@code √n / 2} to {@code 1.5·√n}; for a small product (n ≤ {@value #SMALL}) every
 * k from 2 to {@code n / 3} is tried as well, so three topics of six feedback each can
 * come out as three themes. No candidate is above {@link ThemeClustering#MAX_K}, also not
 * {@code n / 3} of a product of 180 to 200 feedback. On a sample of at most
 * {@value #EXACT} vectors the exact silhouette (mean distance to the own cluster's
 * members against the nearest other cluster's) is used and each k gets the best of
 * {@value #RESTARTS} k-means++ starts (least squared error); on larger samples the
 * simplified silhouette (distance to the own centroid against the nearest other centroid)
 * keeps 100,000 vectors cheap.
 */
final class ThemeCount {

	static final int SMALL = 200;

	static final int EXACT = 1_000;

	static final int RESTARTS = 5;

	/** The chosen k, its centroids fitted on the sample, and its silhouette. */
	record Choice(int k, double[][] centroids, double silhouette) {
	}

	private ThemeCount() {
	}

	static Choice choose(List<double[]> sample, int n, Random random) {
		Choice best = null;
		for (int k : candidates(n, sample.size())) {
			double[][] centroids = bestFit(sample, k, random);
			double s = silhouette(sample, centroids);
			if (best == null || s > best.silhouette()) {
				best = new Choice(k, centroids, s);
			}
		}
		return best;
	}

	static List<Integer> candidates(int n, int sampleSize) {
		int kMin = clamp((int) Math.round(Math.sqrt(n) / 2), 2, 30);
		int kMax = clamp((int) Math.round(Math.sqrt(n) * 1.5), kMin,
				Math.min(ThemeClustering.MAX_K, Math.max(2, sampleSize / 2)));
		kMin = Math.min(kMin, kMax);
		List<Integer> ks = new ArrayList<>();
		if (n <= SMALL) {
			int largest = Math.min(ThemeClustering.MAX_K, Math.max(kMax, n / 3));
			for (int k = 2; k <= largest && k <= sampleSize / 2; k++) {
				ks.add(k);
			}
			return ks.isEmpty() ? List.of(2) : ks;
		}
		int steps = Math.min(5, kMax - kMin);
		for (int i = 0; i <= steps; i++) {
			int k = kMin + (steps == 0 ? 0 : (kMax - kMin) * i / steps);
			if (!ks.contains(k)) {
				ks.add(k);
			}
		}
		return ks;
	}

	private static double[][] bestFit(List<double[]> sample, int k, Random random) {
		int starts = sample.size() <= EXACT ? RESTARTS : 1;
		double[][] best = null;
		double bestError = Double.MAX_VALUE;
		for (int i = 0; i < starts; i++) {
			double[][] c = ThemeClustering.fit(sample, k, random.nextInt());
			double error = 0;
			for (double[] p : sample) {
				double own = Double.MAX_VALUE;
				for (double[] centroid : c) {
					own = Math.min(own, distance(p, centroid));
				}
				error += own * own;
			}
			if (error < bestError) {
				bestError = error;
				best = c;
			}
		}
		return best;
	}

	static double silhouette(List<double[]> points, double[][] centroids) {
		return points.size() <= EXACT ? exact(points, centroids) : simplified(points, centroids);
	}

	private static double exact(List<double[]> points, double[][] centroids) {
		int n = points.size();
		int k = centroids.length;
		int[] label = new int[n];
		int[] size = new int[k];
		for (int i = 0; i < n; i++) {
			label[i] = nearest(points.get(i), centroids);
			size[label[i]]++;
		}
		double sum = 0;
		for (int i = 0; i < n; i++) {
			double[] total = new double[k];
			for (int j = 0; j < n; j++) {
				if (j != i) {
					total[label[j]] += distance(points.get(i), points.get(j));
				}
			}
			if (size[label[i]] <= 1) {
				continue; // a singleton's silhouette is 0
			}
			double a = total[label[i]] / (size[label[i]] - 1);
			double b = Double.MAX_VALUE;
			for (int c = 0; c < k; c++) {
				if (c != label[i] && size[c] > 0) {
					b = Math.min(b, total[c] / size[c]);
				}
			}
			double max = Math.max(a, b);
			sum += b == Double.MAX_VALUE || max == 0 ? 0 : (b - a) / max;
		}
		return sum / n;
	}

	private static double simplified(List<double[]> points, double[][] centroids) {
		double sum = 0;
		for (double[] p : points) {
			double own = Double.MAX_VALUE;
			double other = Double.MAX_VALUE;
			for (double[] c : centroids) {
				double d = distance(p, c);
				if (d < own) {
					other = own;
					own = d;
				}
				else if (d < other) {
					other = d;
				}
			}
			double max = Math.max(own, other);
			sum += max == 0 || other == Double.MAX_VALUE ? 0 : (other - own) / max;
		}
		return sum / points.size();
	}

	private static int nearest(double[] p, double[][] centroids) {
		int best = 0;
		double d = Double.MAX_VALUE;
		for (int c = 0; c < centroids.length; c++) {
			double x = distance(p, centroids[c]);
			if (x < d) {
				d = x;
				best = c;
			}
		}
		return best;
	}

	static double distance(double[] a, double[] b) {
		double s = 0;
		for (int i = 0; i < a.length; i++) {
			double d = a[i] - b[i];
			s += d * d;
		}
		return Math.sqrt(s);
	}

	private static int clamp(int x, int lo, int hi) {
		return Math.max(lo, Math.min(hi, x));
	}

}
