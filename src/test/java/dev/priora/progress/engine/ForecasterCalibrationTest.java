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
 * tolerance) the 50, 85 and 95 % forecasts must be met 50/85/95 % ± 3 % of the time. With
 * one or two sprints and a stated velocity that is itself off by ± 30 % (log-normal), the
 * blend must be met within ± 6 %.
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
	void blendsOfAStatedVelocityWithOneOrTwoSprintsAreMetAsOftenAsTheyPromise() {
		List<String> misses = new ArrayList<>();
		long seed = 101;
		for (Case c : CASES) {
			double trueMean = trueMean(c);
			for (int history : new int[] { 1, 2 }) {
				SplittableRandom random = new SplittableRandom(seed++);
				int projects = 4000;
				int[] hits = new int[3];
				for (int p = 0; p < projects; p++) {
					// the team's stated velocity is right within ± 30 % (log-normal)
					double stated = trueMean * Math.exp(Math.log(1.3) * random.nextGaussian());
					double[] seen = new double[history];
					for (int i = 0; i < history; i++) {
						seen[i] = c.velocity().applyAsDouble(random);
					}
					double remaining = 250 + random.nextDouble() * 100;
					var f = Forecaster.blended(stated, 0.3, seen, new double[] { remaining }, 1000,
							random.nextLong())[0];
					double actual = actual(c, random, remaining);
					hits[0] += actual <= f.p50() ? 1 : 0;
					hits[1] += actual <= f.p85() ? 1 : 0;
					hits[2] += actual <= f.p95() ? 1 : 0;
				}
				double[] promised = { 0.50, 0.85, 0.95 };
				for (int i = 0; i < 3; i++) {
					double rate = hits[i] / (double) projects;
					if (Math.abs(rate - promised[i]) > 0.06) {
						misses.add(String.format("%s, %d sprints + stated: %.0f %% forecast met %.1f %%", c.name(),
								history, promised[i] * 100, rate * 100));
					}
				}
				System.out.printf(
						"calibration %s, %d sprints and a stated velocity: 50 %% → %.1f, 85 %% → %.1f,"
								+ " 95 %% → %.1f%n",
						c.name(), history, 100.0 * hits[0] / projects, 100.0 * hits[1] / projects,
						100.0 * hits[2] / projects);
			}
		}
		assertThat(misses).isEmpty();
	}

	private static double trueMean(Case c) {
		SplittableRandom r = new SplittableRandom(99);
		double sum = 0;
		for (int i = 0; i < 200_000; i++) {
			sum += c.velocity().applyAsDouble(r);
		}
		return sum / 200_000;
	}

	@Test
	void aLaterReleaseNeverFinishesBeforeAnEarlierOne() {
		var f = Forecaster.forecast(new double[] { 20, 25, 18, 30 }, new double[] { 40, 10, 60 }, 2000, 3);
		for (int k = 1; k < f.length; k++) {
			for (int t = 0; t < f[k].sorted().length; t++) {
				assertThat(f[k].sorted()[t]).isGreaterThanOrEqualTo(f[k - 1].sorted()[t]);
			}
		}
		var alone = Forecaster.forecast(new double[] { 20, 25, 18, 30 }, 10, 2000, 3);
		assertThat(f[1].p50()).isGreaterThan(alone.p50() + 1);
		var blended = Forecaster.blended(20, 0.3, new double[] { 5 }, new double[] { 16, 20 }, 2000, 3);
		assertThat(blended[1].p85()).isGreaterThan(blended[0].p85());
	}

	@Test
	void oneSlowSprintPullsTheStatedVelocityDownAndWidensTheRange() {
		var stated = Forecaster.fromStatedVelocity(20, 0.3, 16, 10_000, 1);
		var blended = Forecaster.blended(20, 0.3, new double[] { 5 }, new double[] { 16 }, 10_000, 1)[0];
		assertThat(stated.p50()).isLessThan(1);
		assertThat(blended.p50()).isGreaterThan(1.3);
		assertThat(blended.p85() - blended.p50()).isGreaterThan(stated.p85() - stated.p50());
		var agreeing = Forecaster.blended(20, 0.3, new double[] { 20, 21 }, new double[] { 16 }, 10_000, 1)[0];
		assertThat(agreeing.p50()).isBetween(0.7, 0.9);
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
