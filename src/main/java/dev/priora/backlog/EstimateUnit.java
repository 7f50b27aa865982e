package dev.priora.backlog;

/**
 * What a product's estimates, capacities and velocities count: story points, or hours.
 * One unit per product, so capacity is always compared with estimates in the same unit.
 */
public enum EstimateUnit {

	POINTS("points", "pts"), HOURS("hours", "h");

	private final String label;

	private final String shortLabel;

	EstimateUnit(String label, String shortLabel) {
		this.label = label;
		this.shortLabel = shortLabel;
	}

	/** "points" or "hours". */
	public String label() {
		return label;
	}

	/** "pts" or "h". */
	public String shortLabel() {
		return shortLabel;
	}

}
