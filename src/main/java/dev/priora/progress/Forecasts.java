package dev.priora.progress;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import dev.priora.progress.engine.Forecaster;

/**
 * Delivery forecasts from a velocity history ({@code priora forecast …}): sprints needed
 * at 50, 85 and 95 %, the dates when a start and sprint length are given, and the
 * probability of meeting a target date.
 */
public final class Forecasts {

	private Forecasts() {
	}

	/**
	 * A forecast: fractional sprints at 50/85/95 %, dates (null without a start), the
	 * probability of meeting the target (null without one), and the method used.
	 */
	public record DeliveryForecast(double p50, double p85, double p95, LocalDate p50Date, LocalDate p85Date,
			LocalDate p95Date, Double probability, int history, int trials, long seed, String method) {
	}

	/**
	 * {@code statedVelocity} (may be null) is needed when the history has fewer than
	 * three sprints: alone without history, blended with one or two sprints.
	 */
	public static DeliveryForecast forecast(double[] history, double remaining, int trials, long seed, LocalDate start,
			Integer sprintDays, LocalDate target, Double statedVelocity) {
		return sequence(history, new double[] { remaining }, trials, seed, start, sprintDays,
				new LocalDate[] { target }, statedVelocity)
			.get(0);
	}

	/**
	 * Forecasts packages of work done one after the other (e.g. releases in order):
	 * forecast {@code k} is for {@code remaining[k]} points after all packages before it,
	 * in the same trials, with {@code targets[k]} (may be null) as its target date.
	 */
	public static List<DeliveryForecast> sequence(double[] history, double[] remaining, int trials, long seed,
			LocalDate start, Integer sprintDays, LocalDate[] targets, Double statedVelocity) {
		if (trials < 100 || trials > 1_000_000) {
			throw new IllegalArgumentException("trials must be from 100 to 1,000,000");
		}
		if (remaining.length == 0 || java.util.Arrays.stream(remaining).anyMatch(r -> !(r >= 0))) {
			throw new IllegalArgumentException("remaining points must be 0 or more");
		}
		if ((start == null) != (sprintDays == null)) {
			throw new IllegalArgumentException("give --start and --sprint-days together");
		}
		if (sprintDays != null && sprintDays < 1) {
			throw new IllegalArgumentException("--sprint-days must be at least 1");
		}
		if (start == null && java.util.Arrays.stream(targets).anyMatch(java.util.Objects::nonNull)) {
			throw new IllegalArgumentException("--target needs --start and --sprint-days");
		}
		Forecaster.Forecast[] f = simulate(history, remaining, trials, seed, statedVelocity);
		List<DeliveryForecast> result = new ArrayList<>();
		for (int k = 0; k < f.length; k++) {
			LocalDate target = k < targets.length ? targets[k] : null;
			Double probability = target == null ? null
					: f[k].probabilityWithin(ChronoUnit.DAYS.between(start, target) / (double) sprintDays);
			result.add(new DeliveryForecast(round(f[k].p50()), round(f[k].p85()), round(f[k].p95()),
					date(start, sprintDays, f[k].p50()), date(start, sprintDays, f[k].p85()),
					date(start, sprintDays, f[k].p95()),
					probability == null ? null : Math.round(probability * 1000) / 1000.0, history.length, trials, seed,
					f[k].method()));
		}
		return result;
	}

	/**
	 * The forecaster's model for the history: the history alone from
	 * {@link Forecaster#MIN_HISTORY} sprints, else the stated velocity blended with it,
	 * or alone without history.
	 */
	static Forecaster.Forecast[] simulate(double[] history, double[] remaining, int trials, long seed,
			Double statedVelocity) {
		if (history.length >= Forecaster.MIN_HISTORY) {
			return Forecaster.forecast(history, remaining, trials, seed);
		}
		if (statedVelocity == null) {
			throw new IllegalArgumentException("the history has " + history.length + " sprints; at least "
					+ Forecaster.MIN_HISTORY + " are needed, or give the team's stated velocity with --velocity");
		}
		if (history.length == 0) {
			return Forecaster.fromStatedVelocity(statedVelocity, 0.3, remaining, trials, seed);
		}
		return Forecaster.blended(statedVelocity, 0.3, history, remaining, trials, seed);
	}

	/**
	 * The most work (points, to 0.1) the team finishes within {@code sprints} of working
	 * time with probability {@code confidence} or more: the largest {@code L} whose
	 * forecast finishes within that time in at least that share of the trials, found by
	 * bisection (the share falls as {@code L} grows). 0 when no time is left.
	 */
	public static double promisable(double[] history, Double statedVelocity, double sprints, double confidence,
			int trials, long seed) {
		if (!(confidence > 0 && confidence < 1)) {
			throw new IllegalArgumentException("confidence must be above 0 and below 1");
		}
		if (!(sprints > 0)) {
			return 0;
		}
		double top = statedVelocity == null ? 0 : statedVelocity;
		for (double v : history) {
			top = Math.max(top, v);
		}
		double lo = 0;
		double hi = Math.max(1, top * (sprints + 1) * 2);
		while (hi - lo > 0.05) {
			double mid = (lo + hi) / 2;
			double p = simulate(history, new double[] { mid }, trials, seed, statedVelocity)[0]
				.probabilityWithin(sprints);
			if (p >= confidence) {
				lo = mid;
			}
			else {
				hi = mid;
			}
		}
		return Math.floor(lo * 10) / 10;
	}

	private static LocalDate date(LocalDate start, Integer sprintDays, double sprints) {
		return start == null ? null : start.plusDays((long) Math.ceil(sprints * sprintDays));
	}

	private static double round(double v) {
		return Math.round(v * 100) / 100.0;
	}

}
