package dev.priora.progress.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.Test;

/**
 * Calibration (docs/FORECASTING.md): projects whose sprint velocities come from known
 * distributions; the forecaster sees the first 5, 8 or 20 sprints; over 6,000 projects
 * per case (so that the measurement's own noise, about ± 0.5 %, stays well inside the
 * tolerance) the 50, 85 and 95 % forecasts must be met 50/85/95 % ± 3 % of the time.
 */
class ForecasterCalibrationTest {

	private static final int PROJECTS = 6000;

	record Case(String name, ToDoubleFunction<SplittableRandom> velocity) {
	}

	static final List<Case> CASES = List.of(new Case("stable", r -> Math.max(1, 30 + 2 * r.nextGaussian())),
			new Case("noisy", r -> Math.max(1, 30 + 9 * r.nextGaussian())),
			new Case("skewed (log-normal)", r -> Math.exp(Math.log(25) + 0.5 * r.nextGaussian())),
			new Case("with outliers",
					// one sprint in ten is an outlier: half or one and a half times the
					// usual
					r -> (r.nextDouble() < 0.1 ? (r.nextBoolean() ? 0.5 : 1.5) : 1)
							* Math.max(1, 30 + 4 * r.nextGaussian())));

	/** How often each forecast level was met, for one case and history length. */
	static double[] hitRates(Case c, int historyLength, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		int[] hits = new int[3];
		for (int p = 0; p < PROJECTS; p++) {
			double[] history = new double[historyLength];
			for (int i = 0; i < historyLength; i++) {
				history[i] = c.velocity().applyAsDouble(random);
			}
			// remaining work of about ten sprints at the true mean
			double remaining = 250 + random.nextDouble() * 100;
			var f = Forecaster.forecast(history, remaining, 1000, random.nextLong());
			double actual = actual(c, random, remaining);
			hits[0] += actual <= f.p50() ? 1 : 0;
			hits[1] += actual <= f.p85() ? 1 : 0;
			hits[2] += actual <= f.p95() ? 1 : 0;
		}
		return new double[] { hits[0] / (double) PROJECTS, hits[1] / (double) PROJECTS, hits[2] / (double) PROJECTS };
	}

	private static double actual(Case c, SplittableRandom random, double remaining) {
		double done = 0;
		int whole = 0;
		while (true) {
			double v = c.velocity().applyAsDouble(random);
			if (done + v >= remaining) {
				return whole + (remaining - done) / v;
			}
			done += v;
			whole++;
		}
	}

	@Test
	void forecastsAreMetAsOftenAsTheyPromise() {
		List<String> misses = new ArrayList<>();
		long seed = 1;
		for (Case c : CASES) {
			for (int history : new int[] { 5, 8, 20 }) {
				double[] rates = hitRates(c, history, seed++);
				double[] promised = { 0.50, 0.85, 0.95 };
				for (int i = 0; i < 3; i++) {
					if (Math.abs(rates[i] - promised[i]) > 0.03) {
						misses.add(String.format("%s, %d sprints: %.0f %% forecast met %.1f %%", c.name(), history,
								promised[i] * 100, rates[i] * 100));
					}
				}
				System.out.printf("calibration %s, %d sprints: 50 %% → %.1f, 85 %% → %.1f, 95 %% → %.1f%n", c.name(),
						history, rates[0] * 100, rates[1] * 100, rates[2] * 100);
			}
		}
		assertThat(misses).isEmpty();
	}

}
