package dev.priora.refinement.estimates.engine;

import java.math.BigDecimal;

/**
 * How well suggestions would have done on a history, each example left out in turn and
 * suggested from the others: the mean and median absolute error of the suggestions
 * ({@code mae}, {@code mdae}) and of the history's median of the others
 * ({@code medianMae}, {@code medianMdae}), in the scale's unit, over {@code items}
 * examples; {@code median} is the median of the whole history (the lower middle value).
 */
public record Accuracy(int items, double mae, double mdae, BigDecimal median, double medianMae, double medianMdae) {

	/** Whether the suggestions miss by less than the median, on average. */
	public boolean beatsMedian() {
		return mae < medianMae;
	}

}
