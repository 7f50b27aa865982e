package dev.priora.refinement.estimates;

import java.math.BigDecimal;

/**
 * Whether the product's estimates are suggested ({@code mode} as chosen, {@code enabled}
 * as it works out, {@code reason} when not), how many finished items the suggestions draw
 * on ({@code history}, of {@code finished} finished and estimated: the others wait for
 * their text's vector, or are beyond the newest 1,000) and the suggestions' accuracy on
 * them (null when too few).
 */
public record SettingsView(SuggestionMode mode, boolean enabled, String reason, int history, long finished,
		AccuracyView accuracy) {

	/**
	 * Leave-one-out over the product's history, in the product's estimate unit: the
	 * suggestions' mean and median absolute error, and the same of the median of the
	 * other items.
	 */
	public record AccuracyView(int items, double mae, double mdae, BigDecimal median, double medianMae,
			double medianMdae, boolean beatsMedian) {
	}

}
