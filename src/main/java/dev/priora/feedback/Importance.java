package dev.priora.feedback;

/**
 * How much an item matters to the customer behind a piece of feedback, and its weight in
 * demand.
 */
public enum Importance {

	NICE_TO_HAVE(1), IMPORTANT(2), CRITICAL(3);

	private final int weight;

	Importance(int weight) {
		this.weight = weight;
	}

	public int weight() {
		return weight;
	}

}
