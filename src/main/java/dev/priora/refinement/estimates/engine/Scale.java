package dev.priora.refinement.estimates.engine;

import java.math.BigDecimal;
import java.util.List;

/**
 * A product's estimate scale, ascending: values by index, and the index nearest a number.
 */
record Scale(List<BigDecimal> values) {

	/** The index of the value nearest {@code x}; the lower of two equally near. */
	int nearest(double x) {
		int best = 0;
		for (int i = 1; i < values.size(); i++) {
			if (Math.abs(values.get(i).doubleValue() - x) < Math.abs(values.get(best).doubleValue() - x)) {
				best = i;
			}
		}
		return best;
	}

	BigDecimal value(int index) {
		return values.get(index);
	}

}
