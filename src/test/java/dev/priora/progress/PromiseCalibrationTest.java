package dev.priora.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

import org.junit.jupiter.api.Test;

/**
 * Calibration of "only what we can promise": simulated teams whose sprint velocities come
 * from known distributions (as in the forecaster's calibration test); the planner sees
 * their first 8 sprints, or one sprint and a stated velocity off by ± 30 %, and fills two
 * releases in sequence (due after 3 and 6.5 sprints) exactly up to their windows at 85 %.
 * Over 1,200 teams per case (the measurement's own noise about ± 1 %), each release must
 * be done by its target in 80–90 % of the teams.
 */
class PromiseCalibrationTest {

	private static final int TEAMS = 1000;

	private static final double[] TARGETS = { 3, 6.5 };

	record Case(String name, ToDoubleFunction<SplittableRandom> velocity) {
	}

	private static final List<Case> CASES = List.of(new Case("noisy", r -> Math.max(1, 30 + 9 * r.nextGaussian())),
			new Case("skewed (log-normal)", r -> Math.exp(Math.log(25) + 0.5 * r.nextGaussian())));

	/** The share of teams that finished each release by its target. */
	private static double[] onTime(Case c, int history, boolean stated, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		int[] hits = new int[TARGETS.length];
		double mean = trueMean(c);
		for (int t = 0; t < TEAMS; t++) {
			double[] seen = new double[history];
			for (int i = 0; i < history; i++) {
				seen[i] = c.velocity().applyAsDouble(random);
			}
			Double velocity = stated ? mean * Math.exp(Math.log(1.3) * random.nextGaussian()) : null;
			long forecastSeed = random.nextLong();
			double[] promised = new double[TARGETS.length];
			for (int k = 0; k < TARGETS.length; k++) {
				// a release's window is the cumulative promise less the releases before;
				// filled to the brim, release k's cumulative content is the promise
				// itself
				promised[k] = Forecasts.promisable(seen, velocity, TARGETS[k], 0.85, 1000, forecastSeed);
			}
			double[] done = workBy(c, random);
			for (int k = 0; k < TARGETS.length; k++) {
				hits[k] += done[k] >= promised[k] ? 1 : 0;
			}
		}
		double[] rates = new double[TARGETS.length];
		for (int k = 0; k < rates.length; k++) {
			rates[k] = hits[k] / (double) TEAMS;
		}
		return rates;
	}

	/** What the team really finishes by each target (a fractional sprint in part). */
	private static double[] workBy(Case c, SplittableRandom random) {
		double[] done = new double[TARGETS.length];
		double sum = 0;
		int sprint = 0;
		int k = 0;
		while (k < TARGETS.length) {
			double v = c.velocity().applyAsDouble(random);
			while (k < TARGETS.length && TARGETS[k] < sprint + 1) {
				done[k] = sum + (TARGETS[k] - sprint) * v;
				k++;
			}
			sum += v;
			sprint++;
		}
		return done;
	}

	private static double trueMean(Case c) {
		SplittableRandom r = new SplittableRandom(99);
		double sum = 0;
		for (int i = 0; i < 100_000; i++) {
			sum += c.velocity().applyAsDouble(r);
		}
		return sum / 100_000;
	}

	@Test
	void releasesFilledToTheirWindowsAt85PercentAreDoneOnTimeIn80To90PercentOfTeams() {
		List<String> misses = new ArrayList<>();
		long seed = 7;
		for (Case c : CASES) {
			for (boolean stated : new boolean[] { false, true }) {
				double[] rates = onTime(c, stated ? 1 : 8, stated, seed++);
				for (int k = 0; k < rates.length; k++) {
					String line = String.format("%s, %s: release %d (due after %.1f sprints) on time in %.1f %%",
							c.name(), stated ? "1 sprint + a stated velocity" : "8 sprints", k + 1, TARGETS[k],
							rates[k] * 100);
					System.out.println("promise calibration " + line);
					double tolerance = stated ? 0.09 : 0.05;
					if (Math.abs(rates[k] - 0.85) > tolerance) {
						misses.add(line);
					}
				}
			}
		}
		assertThat(misses).isEmpty();
	}

	@Test
	void aHigherConfidencePromisesLessAndNoTimePromisesNothing() {
		double[] history = { 20, 25, 18, 30, 22 };
		double at50 = Forecasts.promisable(history, null, 4, 0.5, 5000, 1);
		double at85 = Forecasts.promisable(history, null, 4, 0.85, 5000, 1);
		double at95 = Forecasts.promisable(history, null, 4, 0.95, 5000, 1);
		assertThat(at50).isBetween(80.0, 95.0);
		assertThat(at85).isLessThan(at50);
		assertThat(at95).isLessThan(at85);
		assertThat(Forecasts.promisable(history, null, 0, 0.85, 5000, 1)).isZero();
		assertThat(Forecasts.promisable(new double[0], 20.0, 2, 0.85, 5000, 1)).isBetween(20.0, 40.0);
	}

}
