package dev.priora.refinement.estimates.engine;

import java.util.Arrays;
import java.util.Comparator;

/** Weighted votes: quantiles, agreement with a value of the scale, a weighted mean. */
final class Votes {

	private Votes() {
	}

	/**
	 * The weighted {@code q}-quantile of the first {@code n} values: the smallest value
	 * whose cumulative weight reaches {@code q} of the total (for 0.5 the lower weighted
	 * median).
	 */
	static double quantile(double[] values, double[] weights, int n, double q) {
		Integer[] order = new Integer[n];
		double total = 0;
		for (int i = 0; i < n; i++) {
			order[i] = i;
			total += weights[i];
		}
		Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
		double cumulative = 0;
		for (int i : order) {
			cumulative += weights[i];
			if (cumulative >= q * total) {
				return values[i];
			}
		}
		return values[order[n - 1]];
	}

	/**
	 * The weight share of the first {@code n} values that lie within one step of the
	 * scale of the value at index {@code at}.
	 */
	static double agreement(double[] values, double[] weights, int n, Scale scale, int at) {
		double near = 0;
		double total = 0;
		for (int i = 0; i < n; i++) {
			total += weights[i];
			if (Math.abs(scale.nearest(values[i]) - at) <= 1) {
				near += weights[i];
			}
		}
		return total == 0 ? 0 : near / total;
	}

	/**
	 * The mean of {@code sims} at the indexes {@code at}, weighted by {@code weights}.
	 */
	static double weightedMean(double[] sims, int[] at, double[] weights) {
		double sum = 0;
		double total = 0;
		for (int j = 0; j < at.length; j++) {
			sum += sims[at[j]] * weights[j];
			total += weights[j];
		}
		return total == 0 ? 0 : sum / total;
	}

}
