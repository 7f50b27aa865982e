package dev.priora.prioritization.engine;

import java.util.Map;

/**
 * What is known about one item for scoring: the typed-in inputs by criterion key, and the
 * evidence (customers asking, their revenue in thousands and importance score, the
 * estimate in points; null when unknown).
 */
public record ItemFacts(Map<String, String> inputs, Integer customers, Double revenueThousands, Integer importance,
		Double estimate) {

	public ItemFacts {
		inputs = Map.copyOf(inputs);
	}

}
