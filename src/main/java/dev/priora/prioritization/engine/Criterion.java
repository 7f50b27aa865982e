package dev.priora.prioritization.engine;

/**
 * One input of a scoring model. A {@code BENEFIT} adds to (or, in a product formula,
 * multiplies) the value; a {@code COST} adds to (or multiplies) the divisor and must be
 * above zero. {@code weight} multiplies the input in a sum formula. {@code source} says
 * where the input comes from: typed in, or evidence (customers asking, their revenue in
 * thousands, their importance score, the item's estimate). An evidence criterion falls
 * back, when an item has no evidence (no customers asked, no revenue known, no estimate),
 * to a value typed in for the item, then to {@code defaultValue} (null: none, the item is
 * not scorable until one of them is there); a typed-in criterion has no default.
 */
public record Criterion(String key, String label, Role role, double weight, Scale scale, Source source,
		Double defaultValue) {

	/** Whether a criterion adds value or cost. */
	public enum Role {

		BENEFIT, COST

	}

	/** Where an input comes from. */
	public enum Source {

		/** Typed in by the product owner. */
		MANUAL("typed in"),
		/** Distinct customers whose feedback is linked to the item. */
		CUSTOMERS("customers asking"),
		/** Their yearly revenue, in thousands. */
		REVENUE("revenue of customers asking, in thousands"),
		/**
		 * Their importance score (each customer once: nice-to-have 1, important 2,
		 * critical 3).
		 */
		IMPORTANCE("importance score of customers asking"),
		/** The item's estimate in points. */
		ESTIMATE("the item's estimate");

		private final String description;

		Source(String description) {
			this.description = description;
		}

		public String description() {
			return description;
		}

	}

	public Criterion {
		if (key == null || !key.matches("[a-z][a-zA-Z0-9]{0,29}")) {
			throw new IllegalArgumentException("a criterion key is a letter then up to 29 letters or digits");
		}
		if (label == null || label.isBlank()) {
			throw new IllegalArgumentException("criterion " + key + " needs a label");
		}
		if (role == null || scale == null || source == null) {
			throw new IllegalArgumentException("criterion " + key + " needs a role, a scale and a source");
		}
		if (!(weight > 0) || Double.isInfinite(weight)) {
			throw new IllegalArgumentException("criterion " + key + " needs a weight above 0");
		}
		if (source != Source.MANUAL && scale instanceof Scale.Choice) {
			throw new IllegalArgumentException("criterion " + key + " takes evidence, so it needs a numeric scale");
		}
		if (defaultValue != null && source == Source.MANUAL) {
			throw new IllegalArgumentException(
					"criterion " + key + " is typed in; only evidence criteria take a default value");
		}
		if (defaultValue != null && scale.parse(Scale.fmt(defaultValue)).problem() != null) {
			throw new IllegalArgumentException(
					"the default value of criterion " + key + " " + scale.parse(Scale.fmt(defaultValue)).problem());
		}
	}

	/** A criterion without a default value. */
	public Criterion(String key, String label, Role role, double weight, Scale scale, Source source) {
		this(key, label, role, weight, scale, source, null);
	}

}
