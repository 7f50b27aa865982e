package dev.priora.prioritization.engine;

import java.util.List;

/**
 * An item's score under a model, with its breakdown. {@code value} is null when the item
 * is not scorable ({@code missing} then names the inputs to fill in, or why). For maps,
 * {@code benefit} is the value side (benefit sum or product) and {@code cost} the effort
 * side (1 when the model has no cost). {@code category} is the chosen option of a
 * category model.
 */
public record Score(Double value, Double benefit, Double cost, String category, List<Contribution> breakdown,
		List<String> missing) {

	public Score {
		breakdown = List.copyOf(breakdown);
		missing = List.copyOf(missing);
	}

	public boolean scorable() {
		return value != null;
	}

	/** The contribution of a criterion, or null when it has none (missing). */
	public Contribution contribution(String criterion) {
		return breakdown.stream().filter(c -> c.criterion().equals(criterion)).findFirst().orElse(null);
	}

	/**
	 * Where an input came from: the evidence, a value typed in for the item, or the
	 * model's default for an evidence criterion without evidence.
	 */
	public enum Origin {

		EVIDENCE, TYPED, DEFAULT

	}

	/**
	 * One input's part in the score: the criterion, the input as given, the number it
	 * counts as, where it came from (in words, and as an {@link Origin}), and what it
	 * does ("adds 8", "divides by 3").
	 */
	public record Contribution(String criterion, String label, String input, double value, String source, String effect,
			Origin origin) {
	}

}
