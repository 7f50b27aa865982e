package dev.priora.bench;

import java.util.Arrays;
import java.util.SplittableRandom;

import dev.priora.progress.engine.Forecaster;

/**
 * Forecast speed: 10,000 trials for a 1,000-item release (3,000 points, about 100 sprints
 * at the history's velocity of 30) from a 12-sprint history. Median of 20 runs after 5
 * warm-ups.
 */
public final class ForecastBenchmark {

	private ForecastBenchmark() {
	}

	public static void main(String[] args) {
		SplittableRandom random = new SplittableRandom(3);
		double[] history = new double[12];
		for (int i = 0; i < history.length; i++) {
			history[i] = Math.max(1, 30 + 6 * random.nextGaussian());
		}
		double remaining = 1000 * 3.0;
		for (int i = 0; i < 5; i++) {
			Forecaster.forecast(history, remaining, 10_000, i);
		}
		double[] ms = new double[20];
		Forecaster.Forecast f = null;
		for (int i = 0; i < ms.length; i++) {
			long t = System.nanoTime();
			f = Forecaster.forecast(history, remaining, 10_000, 100 + i);
			ms[i] = (System.nanoTime() - t) / 1e6;
		}
		Arrays.sort(ms);
		System.out.printf("10,000 trials, 1,000 items (3,000 points, ~%.0f sprints): median %.1f ms, max %.1f ms%n",
				f.p50(), ms[10], ms[19]);
	}

}
