package dev.priora.insights;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One theme with its figures.
 *
 * @param id the theme's id (kept across recomputes by the cluster that inherits it)
 * @param name its name: its distinctive words, or what a person named it
 * @param words its most distinctive words, best first, separated by spaces
 * @param namedByPerson whether a person named it (a recompute keeps the name)
 * @param feedback how many feedback it holds
 * @param customers distinct customers among them
 * @param revenue the sum of those customers' revenue per currency (ISO 4217, by code;
 * amounts as entered, never converted nor added across currencies; empty when none)
 * @param last30 feedback received in the last 30 days
 * @param previous30 in the 30 days before those
 * @param last90 in the last 90 days
 * @param previous90 in the 90 days before those
 * @param thisWeek in the last 7 days
 * @param weeksBefore in the 4 weeks before those 7 days
 * @param growth30 {@code last30 / previous30 - 1}, null when the period before had none
 * @param growth90 {@code last90 / previous90 - 1}, null likewise
 * @param spiking whether it spikes this week ({@link dev.priora.insights.engine.Spikes})
 * @param coverage the backlog items its feedback is linked to
 */
public record ThemeSummary(long id, String name, String words, boolean namedByPerson, long feedback, long customers,
		Map<String, BigDecimal> revenue, long last30, long previous30, long last90, long previous90, long thisWeek,
		long weeksBefore, Double growth30, Double growth90, boolean spiking, Coverage coverage) {

	public ThemeSummary {
		revenue = Collections.unmodifiableSortedMap(new TreeMap<>(revenue));
	}

	/** The revenue in one currency, 0 when none. */
	public BigDecimal revenueIn(String currency) {
		return revenue.getOrDefault(currency, BigDecimal.ZERO);
	}

	/**
	 * Whether the theme holds feedback (all of it may have been moved or merged away).
	 */
	public boolean empty() {
		return feedback == 0;
	}

}
