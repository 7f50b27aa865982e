package dev.priora.refinement.estimates.engine;

import java.math.BigDecimal;
import java.util.List;

/**
 * A suggested estimate: {@code estimate}, {@code low} and {@code high} are values of the
 * scale with {@code low <= estimate <= high}; {@code confidence} is 0–1 (see
 * {@link EstimateSuggester}); {@code basis} the nearest examples used, most similar
 * first.
 */
public record Suggestion(BigDecimal estimate, BigDecimal low, BigDecimal high, double confidence,
		List<Neighbour> basis) {

	public Suggestion {
		basis = List.copyOf(basis);
		if (low.compareTo(estimate) > 0 || high.compareTo(estimate) < 0) {
			throw new IllegalArgumentException("the range " + low + "–" + high + " must hold " + estimate);
		}
		if (confidence < 0 || confidence > 1) {
			throw new IllegalArgumentException("confidence must be from 0 to 1");
		}
	}

}
