package dev.priora.progress.engine;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Monte Carlo delivery forecasts that stay calibrated on short histories. Each trial
 * first draws a plausible velocity distribution, then simulates sprints from it until the
 * remaining work is done; the last sprint counts the fraction of it needed. Seeded, so a
 * forecast repeats. Three models, by how much history there is:
 * <ul>
 * <li>{@link #MIN_HISTORY} or more completed sprints ({@link #forecast}): the mean and
 * spread of velocity from their posterior under a normal model with the usual
 * non-informative prior (spread from a scaled inverse χ² with n − 1 degrees of freedom,
 * mean from a normal with that spread ÷ √n); future sprints are the history's own
 * deviations, rescaled to the drawn spread. Resampling the history as it is ignores that
 * a handful of sprints says little about the true mean, and is overconfident.</li>
 * <li>one or two ({@link #blended}): the stated velocity is a prior worth
 * {@link #PRIOR_SPRINTS} sprint(s) and the observed sprints update it (the conjugate
 * normal–inverse-χ² model on log velocities): each observed sprint weighs as much as the
 * prior, and a history that disagrees with the stated velocity widens the spread.</li>
 * <li>none ({@link #fromStatedVelocity}): log-normal around the stated velocity, an
 * assumption.</li>
 * </ul>
 * Every model forecasts a sequence of work packages too ({@code remaining} as an array):
 * each package starts after the ones before it, in the same trials with the same draws,
 * so a later package never finishes before an earlier one.
 * <p>
 * One piece on purpose: the three models are one method (draw a velocity distribution,
 * simulate, take quantiles) with the same seeded draws and trial loop, and they must stay
 * comparable; split apart, each would carry its own copy of that loop.
 */
public final class Forecaster {

	/**
	 * The smallest history the history-only model uses; shorter ones need a stated
	 * velocity.
	 */
	public static final int MIN_HISTORY = 3;

	/**
	 * How many sprints of evidence the stated velocity is worth as a prior (chosen on the
	 * calibration cases of docs/FORECASTING.md).
	 */
	public static final double PRIOR_SPRINTS = 1.5;

	/** Degrees of freedom of the prior on the sprint-to-sprint spread. */
	static final double PRIOR_SPREAD_DF = 3;

	private Forecaster() {
	}

	/**
	 * The forecast: sprints needed (fractional) at 50, 85 and 95 %, every trial's result
	 * sorted (for probabilities), and the method used.
	 */
	public record Forecast(double p50, double p85, double p95, double[] sorted, String method) {

		/** The share of trials finishing within {@code sprints}. */
		public double probabilityWithin(double sprints) {
			int i = Arrays.binarySearch(sorted, sprints);
			int count = i >= 0 ? lastIndexOf(sorted, i) + 1 : -i - 1;
			return (double) count / sorted.length;
		}

		private static int lastIndexOf(double[] a, int i) {
			while (i + 1 < a.length && a[i + 1] == a[i]) {
				i++;
			}
			return i;
		}

	}

	/** One trial's velocity distribution: the velocity of the next simulated sprint. */
	private interface Trial {

		double nextVelocity(SplittableRandom random);

	}

	/** Draws one trial's velocity distribution. */
	private interface Model {

		Trial draw(SplittableRandom random);

	}

	/**
	 * Forecasts {@code remaining} points from completed-sprint velocities (each ≥ 0; at
	 * least {@link #MIN_HISTORY} with a positive one), {@code trials} trials, seeded.
	 */
	public static Forecast forecast(double[] history, double remaining, int trials, long seed) {
		return forecast(history, new double[] { remaining }, trials, seed)[0];
	}

	/**
	 * Forecasts packages of work done one after the other ({@code remaining[k]} points
	 * each, in order) from completed-sprint velocities: forecast {@code k} is the sprints
	 * until package {@code k} and all before it are done.
	 */
	public static Forecast[] forecast(double[] history, double[] remaining, int trials, long seed) {
		if (history.length < MIN_HISTORY) {
			throw new IllegalArgumentException("need at least " + MIN_HISTORY + " completed sprints");
		}
		check(remaining, trials);
		double positiveMin = Arrays.stream(history).filter(v -> v > 0).min().orElse(0);
		if (positiveMin == 0) {
			throw new IllegalArgumentException("the history has no sprint that finished any work");
		}
		int n = history.length;
		double mean = Arrays.stream(history).average().orElse(0);
		double ss = 0;
		for (double v : history) {
			ss += (v - mean) * (v - mean);
		}
		double s2 = Math.max(ss / (n - 1), 1e-6);
		// the centre: 0.7 × the average + 0.3 × the log-normal estimate of the mean
		// (exp(mean of logs + their variance / 2)). The plain average of a few skewed
		// velocities falls below the true mean more often than above, which made median
		// forecasts late for skewed teams; the log-normal estimate errs the other way for
		// symmetric ones. The blend was chosen on the calibration cases of
		// docs/FORECASTING.md (every level within ±3 % over four seed sets).
		double logMean = 0;
		for (double v : history) {
			logMean += Math.log(Math.max(v, positiveMin / 2)) / n;
		}
		double logSs = 0;
		for (double v : history) {
			double d = Math.log(Math.max(v, positiveMin / 2)) - logMean;
			logSs += d * d;
		}
		double centre = 0.7 * mean + 0.3 * Math.exp(logMean + logSs / (n - 1) / 2);
		double floor = positiveMin / 2;
		Model model = random -> {
			double sigma2 = (n - 1) * s2 / chiSquare(random, n - 1);
			double mu = centre + random.nextGaussian() * Math.sqrt(sigma2 / n);
			double scale = Math.sqrt(sigma2 / s2 * n / (n - 1));
			return r -> Math.max(floor, mu + scale * (history[r.nextInt(n)] - mean));
		};
		return simulate(model, remaining, trials, seed,
				"Monte Carlo, " + trials + " trials: in every trial the mean and spread of sprint velocity are drawn"
						+ " from what the " + n
						+ " completed sprints allow (Student-t mean, scaled inverse-χ² spread), then"
						+ " future sprints are the history's own deviations scaled to them (seed " + seed + ")");
	}

	/**
	 * With too little history: a range from a stated velocity, ± {@code spread} (e.g.
	 * 0.3), clearly an assumption.
	 */
	public static Forecast fromStatedVelocity(double velocity, double spread, double remaining, int trials, long seed) {
		return fromStatedVelocity(velocity, spread, new double[] { remaining }, trials, seed)[0];
	}

	/** {@link #fromStatedVelocity} for packages of work done one after the other. */
	public static Forecast[] fromStatedVelocity(double velocity, double spread, double[] remaining, int trials,
			long seed) {
		checkStated(velocity, spread);
		check(remaining, trials);
		double sigma = Math.log(1 + spread);
		Model model = random -> {
			double mu = Math.log(velocity) + random.nextGaussian() * sigma;
			return r -> Math.exp(mu + sigma * r.nextGaussian());
		};
		return simulate(model, remaining, trials, seed, "assumption: the team's stated velocity " + fmt(velocity)
				+ " ± " + Math.round(spread * 100) + " % (no completed sprints yet)");
	}

	/**
	 * With one or two completed sprints: the stated velocity ± {@code spread} is the
	 * prior (worth {@link #PRIOR_SPRINTS} sprint), the observed velocities update it. On
	 * log velocities, prior mean log(stated), per-sprint spread log(1 + spread) with
	 * {@link #PRIOR_SPREAD_DF} degrees of freedom; the posterior mean moves towards the
	 * observed average with weight n ÷ (n + {@link #PRIOR_SPRINTS}), and the posterior
	 * spread grows with their disagreement. A sprint that finished nothing counts as a
	 * tenth of the stated velocity.
	 */
	public static Forecast[] blended(double velocity, double spread, double[] history, double[] remaining, int trials,
			long seed) {
		return blended(velocity, spread, history, remaining, trials, seed, PRIOR_SPRINTS, PRIOR_SPREAD_DF);
	}

	/**
	 * {@link #blended} with the prior's weight and degrees of freedom given (to tune
	 * them).
	 */
	static Forecast[] blended(double velocity, double spread, double[] history, double[] remaining, int trials,
			long seed, double priorSprints, double priorDf) {
		checkStated(velocity, spread);
		check(remaining, trials);
		if (history.length == 0 || Arrays.stream(history).anyMatch(v -> !(v >= 0) || Double.isInfinite(v))) {
			throw new IllegalArgumentException("give at least one completed sprint's velocity (≥ 0)");
		}
		int n = history.length;
		double s0 = Math.log(1 + spread);
		// the stated velocity is a mean; the model's centre is a log median
		double mu0 = Math.log(velocity) - s0 * s0 / 2;
		double mean = 0;
		for (double v : history) {
			mean += Math.log(Math.max(v, velocity / 10)) / n;
		}
		double ss = 0;
		for (double v : history) {
			double d = Math.log(Math.max(v, velocity / 10)) - mean;
			ss += d * d;
		}
		double kappa = priorSprints + n;
		double muN = (priorSprints * mu0 + n * mean) / kappa;
		double nu = priorDf + n;
		double nuS2 = priorDf * s0 * s0 + ss + priorSprints * n * (mean - mu0) * (mean - mu0) / kappa;
		Model model = random -> {
			double sigma2 = nuS2 / chiSquare(random, nu);
			double mu = muN + random.nextGaussian() * Math.sqrt(sigma2 / kappa);
			double sigma = Math.sqrt(sigma2);
			return r -> Math.exp(mu + sigma * r.nextGaussian());
		};
		double observed = Arrays.stream(history).average().orElse(0);
		return simulate(model, remaining, trials, seed,
				"assumption blended with history: the team's stated velocity " + fmt(velocity) + " (± "
						+ Math.round(spread * 100) + " %, counted as " + fmt(priorSprints) + " sprints) blended with "
						+ n + (n == 1 ? " completed sprint" : " completed sprints") + " (average " + fmt(observed)
						+ "), the spread widened where they disagree; Monte Carlo, " + trials + " trials (seed " + seed
						+ ")");
	}

	private static void check(double[] remaining, int trials) {
		if (remaining.length == 0 || Arrays.stream(remaining).anyMatch(r -> !(r >= 0)) || trials < 100) {
			throw new IllegalArgumentException("remaining must be ≥ 0 and trials ≥ 100");
		}
	}

	private static void checkStated(double velocity, double spread) {
		if (!(velocity > 0) || Double.isInfinite(velocity) || !(spread >= 0) || spread >= 1) {
			throw new IllegalArgumentException("a stated velocity above 0 and a spread from 0 to 1 are needed");
		}
	}

	/**
	 * Runs the trials: each draws its velocity distribution, then simulates sprints until
	 * every package is done, noting when each one's cumulative work is reached.
	 */
	private static Forecast[] simulate(Model model, double[] remaining, int trials, long seed, String method) {
		int k = remaining.length;
		double[] cumulative = new double[k];
		double sum = 0;
		for (int j = 0; j < k; j++) {
			sum += remaining[j];
			cumulative[j] = sum;
		}
		SplittableRandom random = new SplittableRandom(seed);
		double[][] sprints = new double[k][trials];
		for (int t = 0; t < trials; t++) {
			Trial trial = model.draw(random);
			double done = 0;
			int whole = 0;
			int next = 0;
			while (next < k) {
				double v = trial.nextVelocity(random);
				while (next < k && done + v >= cumulative[next]) {
					sprints[next][t] = whole + (v == 0 ? 0 : Math.max(0, cumulative[next] - done) / v);
					next++;
				}
				done += v;
				whole++;
				if (whole > 100_000) {
					while (next < k) {
						sprints[next++][t] = whole;
					}
				}
			}
		}
		Forecast[] result = new Forecast[k];
		for (int j = 0; j < k; j++) {
			Arrays.sort(sprints[j]);
			result[j] = new Forecast(quantile(sprints[j], 0.50), quantile(sprints[j], 0.85), quantile(sprints[j], 0.95),
					sprints[j], method);
		}
		return result;
	}

	/**
	 * χ² with k degrees of freedom: a sum of squared normals for the whole part of k
	 * (small: a history length), plus a Gamma(frac ÷ 2, 2) draw for a fractional rest.
	 */
	private static double chiSquare(SplittableRandom random, double k) {
		double sum = 0;
		int whole = (int) Math.floor(k);
		for (int i = 0; i < whole; i++) {
			double z = random.nextGaussian();
			sum += z * z;
		}
		double rest = k - whole;
		if (rest > 0) {
			// Gamma(a) for a < 1 as Gamma(a + 1) × U^(1/a) (Marsaglia–Tsang), a = rest /
			// 2
			sum += 2 * gamma(random, rest / 2 + 1) * Math.pow(random.nextDouble(), 2 / rest);
		}
		return Math.max(sum, 1e-9);
	}

	/** Gamma(shape ≥ 1, 1) by Marsaglia and Tsang's method. */
	private static double gamma(SplittableRandom random, double shape) {
		double d = shape - 1.0 / 3;
		double c = 1 / Math.sqrt(9 * d);
		while (true) {
			double z = random.nextGaussian();
			double v = Math.pow(1 + c * z, 3);
			if (v > 0 && Math.log(random.nextDouble()) < z * z / 2 + d - d * v + d * Math.log(v)) {
				return d * v;
			}
		}
	}

	private static String fmt(double v) {
		return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(Math.round(v * 10) / 10.0);
	}

	static double quantile(double[] sorted, double q) {
		double pos = q * (sorted.length - 1);
		int lo = (int) Math.floor(pos);
		int hi = Math.min(lo + 1, sorted.length - 1);
		return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
	}

}
