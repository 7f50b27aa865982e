package dev.priora.insights;

import java.util.List;

/**
 * What customers want, across a product's themes.
 *
 * @param themes how many themes the product has (with feedback)
 * @param waiting feedback without a theme yet (waiting for the next recompute)
 * @param currencies the currencies of the themes' revenue, largest total first
 * @param byRevenue top themes by their customers' revenue (in the first currency, then
 * the next: amounts are never converted nor added across currencies)
 * @param byCustomers top themes by distinct customers
 * @param byGrowth top themes by growth over the last 30 days (new ones first), only those
 * that grew
 * @param unaddressed themes with the most revenue and no planned or done item
 * @param segments the segments of the grid's columns ("" for customers without one)
 * @param grid distinct customers per theme (rows, top by customers) and segment
 * @param weekly feedback per week, by kind and by theme
 * @param spikes what spikes this week
 */
public record InsightsView(int themes, long waiting, List<String> currencies, List<ThemeSummary> byRevenue,
		List<ThemeSummary> byCustomers, List<ThemeSummary> byGrowth, List<ThemeSummary> unaddressed,
		List<String> segments, List<GridRow> grid, Weekly weekly, List<Spike> spikes) {

	/**
	 * A theme's row of the segment grid: customers per segment, in the columns' order.
	 */
	public record GridRow(long themeId, String name, List<Long> customers) {
	}

	/**
	 * Weekly volume: the weeks (their Mondays, ISO dates, oldest first) and one series
	 * per kind and per theme (the top themes, then "Other themes" and "No theme").
	 */
	public record Weekly(List<String> weeks, List<Series> byKind, List<Series> byTheme) {
	}

	/**
	 * One series: its label, what a drill-down filters on ({@code kind=BUG},
	 * {@code theme=12}), and a count per week.
	 */
	public record Series(String label, String filter, List<Long> counts) {
	}

	/** Something spiking this week. */
	public record Spike(String label, long thisWeek, long weeksBefore, String link) {
	}

}
