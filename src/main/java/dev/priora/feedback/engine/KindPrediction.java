package dev.priora.feedback.engine;

import java.util.Map;

/**
 * What a classifier says about one text: the most likely {@code label}, its probability
 * ({@code confidence}, 0–1) and every label's probability (summing to 1).
 */
public record KindPrediction(String label, double confidence, Map<String, Double> scores) {

	public KindPrediction {
		if (label == null || confidence < 0 || confidence > 1.000001) {
			throw new IllegalArgumentException("a label and a confidence from 0 to 1");
		}
		scores = Map.copyOf(scores);
	}

}
