package dev.priora.insights;

/**
 * A theme or kind of feedback spiked this week (first seen; announced once per week).
 *
 * @param productKey the product
 * @param label what spiked, e.g. {@code Theme "export · csv"} or {@code Kind Bug}
 * @param thisWeek feedback received in the last 7 days
 * @param weeksBefore in the 4 weeks before
 * @param link the page that shows it
 */
public record ThemeSpiked(String productKey, String label, long thisWeek, long weeksBefore, String link) {
}
