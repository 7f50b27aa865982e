package dev.priora.refinement.estimates.engine;

import java.math.BigDecimal;
import java.util.List;

/**
 * A product's estimate scale (ascending, distinct, at least one value) and its finished,
 * estimated items, in any order.
 */
public record History(List<BigDecimal> scale, List<Example> examples) {

	public History {
		scale = List.copyOf(scale);
		examples = List.copyOf(examples);
		if (scale.isEmpty()) {
			throw new IllegalArgumentException("the scale needs a value");
		}
		for (int i = 1; i < scale.size(); i++) {
			if (scale.get(i - 1).compareTo(scale.get(i)) >= 0) {
				throw new IllegalArgumentException("the scale must be ascending, without repeats: " + scale);
			}
		}
	}

	/** How many examples the history holds. */
	public int size() {
		return examples.size();
	}

}
