package dev.priora.refinement.estimates.engine;

import java.math.BigDecimal;

/**
 * One finished, estimated item of a product's history: its id, the sentence vector of its
 * title and description (any fixed dimension; unit length, as the sentence model gives
 * them), and its estimate (on the product's scale or not: an imported estimate may be off
 * it).
 */
public record Example(long id, float[] vector, BigDecimal estimate) {

	public Example {
		if (vector == null || vector.length == 0) {
			throw new IllegalArgumentException("an example needs a vector");
		}
		if (estimate == null || estimate.signum() < 0) {
			throw new IllegalArgumentException("an example needs an estimate of 0 or more");
		}
	}

}
