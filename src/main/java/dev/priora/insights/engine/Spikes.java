package dev.priora.insights.engine;

/**
 * The spike rule: a theme or kind is spiking when its last seven days hold at least
 * {@value #MIN_COUNT} feedback and at least {@value #FACTOR} times the average of the
 * {@value #WEEKS_BEFORE} weeks before (an average below 1 counts as 1), so a quiet theme
 * needs five new feedback in a week and a busy one must double.
 */
public final class Spikes {

	public static final int MIN_COUNT = 5;

	public static final double FACTOR = 2.0;

	public static final int WEEKS_BEFORE = 4;

	private Spikes() {
	}

	/**
	 * Whether this week's count is a spike against the weeks before.
	 * @param thisWeek feedback received in the last 7 days
	 * @param weeksBefore feedback received in the {@value #WEEKS_BEFORE} weeks before
	 * those 7 days, in total
	 */
	public static boolean spiking(long thisWeek, long weeksBefore) {
		double average = Math.max(1.0, (double) weeksBefore / WEEKS_BEFORE);
		return thisWeek >= MIN_COUNT && thisWeek >= FACTOR * average;
	}

	/**
	 * Growth of a recent period against the period before, as a ratio minus one (0.5 =
	 * half as many again); null when the period before had none.
	 */
	public static Double growth(long recent, long before) {
		return before == 0 ? null : (double) recent / before - 1;
	}

}
