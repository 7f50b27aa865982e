package dev.priora.prioritization.engine;

import java.util.List;

/**
 * What values a criterion takes: a number in a range, a number from the modified
 * Fibonacci series (1, 2, 3, 5, 8, 13, 20, 40, 100), or one of named options each with
 * its value.
 */
public sealed interface Scale {

	/** The numeric value of an input, or an explanation of why it is not valid. */
	Parsed parse(String input);

	/** An input's numeric value, or the reason it was refused. */
	record Parsed(Double value, String problem) {

		static Parsed ok(double v) {
			return new Parsed(v, null);
		}

		static Parsed bad(String problem) {
			return new Parsed(null, problem);
		}

	}

	/** Any number from {@code min} to {@code max}. */
	record Linear(double min, double max) implements Scale {

		public Linear {
			if (!(min < max) || Double.isInfinite(min) || Double.isInfinite(max)) {
				throw new IllegalArgumentException("a linear scale needs min < max");
			}
		}

		@Override
		public Parsed parse(String input) {
			double v;
			try {
				v = Double.parseDouble(input.strip());
			}
			catch (NumberFormatException e) {
				return Parsed.bad("'" + input + "' is not a number");
			}
			if (Double.isNaN(v) || v < min || v > max) {
				return Parsed.bad("must be from " + fmt(min) + " to " + fmt(max));
			}
			return Parsed.ok(v);
		}

	}

	/** The modified Fibonacci series used by WSJF and story points. */
	record Fibonacci() implements Scale {

		public static final List<Double> VALUES = List.of(1d, 2d, 3d, 5d, 8d, 13d, 20d, 40d, 100d);

		@Override
		public Parsed parse(String input) {
			try {
				double v = Double.parseDouble(input.strip());
				if (VALUES.contains(v)) {
					return Parsed.ok(v);
				}
			}
			catch (NumberFormatException e) {
				// refused below
			}
			return Parsed.bad("must be one of 1, 2, 3, 5, 8, 13, 20, 40, 100");
		}

	}

	/** Named options, each with the value it counts as; inputs are option names. */
	record Choice(List<Option> options) implements Scale {

		public Choice {
			options = List.copyOf(options);
			if (options.isEmpty()) {
				throw new IllegalArgumentException("a choice needs options");
			}
		}

		@Override
		public Parsed parse(String input) {
			for (Option o : options) {
				if (o.label().equalsIgnoreCase(input.strip())) {
					return Parsed.ok(o.value());
				}
			}
			return Parsed.bad("must be one of " + options.stream().map(Option::label).toList());
		}

		/** The option's label as defined, for an input in any case. */
		public String labelOf(String input) {
			return options.stream()
				.filter(o -> o.label().equalsIgnoreCase(input.strip()))
				.map(Option::label)
				.findFirst()
				.orElse(input);
		}

	}

	/** One option of a choice. */
	record Option(String label, double value) {

		public Option {
			if (label == null || label.isBlank() || Double.isNaN(value) || Double.isInfinite(value)) {
				throw new IllegalArgumentException("an option needs a label and a finite value");
			}
		}

	}

	static String fmt(double v) {
		return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
	}

}
