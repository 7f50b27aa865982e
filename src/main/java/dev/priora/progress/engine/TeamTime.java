package dev.priora.progress.engine;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The team's working time between today and a date, in sprints, after capacity losses
 * (days off, a member leaving, a sprint lost). The forecaster simulates whole sprints at
 * the team's velocity; a loss of a share of the team's capacity over some days is the
 * same as that share of those days not passing for the team. So a target date's time is
 * the sum over the days from today up to (not including) the target of the share of the
 * capacity left that day, divided by the sprint length: with no losses it is the plain
 * {@code days ÷ sprintDays} of the forecasts.
 *
 * @param today the first day counted
 * @param sprintDays the sprint length in days (≥ 1)
 * @param losses shares of the team's capacity lost over date ranges; losses on the same
 * day add up, at most the whole day
 */
public record TeamTime(LocalDate today, int sprintDays, List<Loss> losses) {

	/**
	 * A share (0 to 1) of the team's capacity lost from {@code from} to {@code to}, both
	 * included ({@code to} null: for good), and why.
	 */
	public record Loss(LocalDate from, LocalDate to, double share, String why) {

		public Loss {
			if (from == null || !(share >= 0 && share <= 1) || (to != null && to.isBefore(from))) {
				throw new IllegalArgumentException(
						"a loss needs a start, an end not before it, and a share from 0 to 1");
			}
		}

		double on(LocalDate day) {
			return day.isBefore(from) || (to != null && day.isAfter(to)) ? 0 : share;
		}

	}

	public TeamTime {
		if (today == null || sprintDays < 1) {
			throw new IllegalArgumentException("today and a sprint length of at least 1 day are needed");
		}
		losses = losses == null ? List.of() : List.copyOf(losses);
	}

	/** The working time from today until {@code target} (exclusive), in days. */
	public double daysUntil(LocalDate target) {
		if (target == null || !target.isAfter(today)) {
			return 0;
		}
		long days = ChronoUnit.DAYS.between(today, target);
		if (losses.isEmpty()) {
			return days;
		}
		double time = 0;
		for (LocalDate d = today; d.isBefore(target); d = d.plusDays(1)) {
			double lost = 0;
			for (Loss l : losses) {
				lost += l.on(d);
			}
			time += Math.max(0, 1 - lost);
		}
		return time;
	}

	/**
	 * The day by which {@code workingDays} of the team's working time have passed from
	 * today (the inverse of {@link #daysUntil}: without losses, today plus the days
	 * rounded up); null when that never happens within 50 years (the team's whole
	 * capacity lost for good).
	 */
	public LocalDate dateAfter(double workingDays) {
		if (losses.isEmpty() || workingDays <= 0) {
			return today.plusDays((long) Math.ceil(Math.max(0, workingDays)));
		}
		double time = 0;
		LocalDate end = today.plusYears(50);
		for (LocalDate d = today; d.isBefore(end); d = d.plusDays(1)) {
			double lost = 0;
			for (Loss l : losses) {
				lost += l.on(d);
			}
			time += Math.max(0, 1 - lost);
			if (time >= workingDays - 1e-9) {
				return d.plusDays(1);
			}
		}
		return null;
	}

	/** The working time until {@code target}, in sprints. */
	public double sprintsUntil(LocalDate target) {
		return daysUntil(target) / sprintDays;
	}

}
