package dev.priora.progress;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

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
	 * {@code statedVelocity} (may be null) is used only when the history has fewer than
	 * three sprints.
	 */
	public static DeliveryForecast forecast(double[] history, double remaining, int trials, long seed, LocalDate start,
			Integer sprintDays, LocalDate target, Double statedVelocity) {
		if (trials < 100 || trials > 1_000_000) {
			throw new IllegalArgumentException("trials must be from 100 to 1,000,000");
		}
		if (!(remaining >= 0)) {
			throw new IllegalArgumentException("remaining points must be 0 or more");
		}
		if ((start == null) != (sprintDays == null)) {
			throw new IllegalArgumentException("give --start and --sprint-days together");
		}
		if (sprintDays != null && sprintDays < 1) {
			throw new IllegalArgumentException("--sprint-days must be at least 1");
		}
		if (target != null && start == null) {
			throw new IllegalArgumentException("--target needs --start and --sprint-days");
		}
		Forecaster.Forecast f;
		if (history.length < Forecaster.MIN_HISTORY) {
			if (statedVelocity == null) {
				throw new IllegalArgumentException("the history has " + history.length + " sprints; at least "
						+ Forecaster.MIN_HISTORY + " are needed, or give the team's stated velocity with --velocity");
			}
			f = Forecaster.fromStatedVelocity(statedVelocity, 0.3, remaining, trials, seed);
		}
		else {
			f = Forecaster.forecast(history, remaining, trials, seed);
		}
		Double probability = target == null ? null
				: f.probabilityWithin(ChronoUnit.DAYS.between(start, target) / (double) sprintDays);
		return new DeliveryForecast(round(f.p50()), round(f.p85()), round(f.p95()), date(start, sprintDays, f.p50()),
				date(start, sprintDays, f.p85()), date(start, sprintDays, f.p95()),
				probability == null ? null : Math.round(probability * 1000) / 1000.0, history.length, trials, seed,
				f.method());
	}

	private static LocalDate date(LocalDate start, Integer sprintDays, double sprints) {
		return start == null ? null : start.plusDays((long) Math.ceil(sprints * sprintDays));
	}

	private static double round(double v) {
		return Math.round(v * 100) / 100.0;
	}

}
