package dev.priora.prioritization.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Computes absolute, explainable scores. Each input is read from its source (typed in, or
 * evidence), checked against its scale, and combined by the model's formula; a missing or
 * invalid input makes the item "not scorable" with the reason, never NaN; a cost of 0 is
 * refused as missing. An evidence criterion uses the evidence when there is some (a
 * count, revenue or importance above 0, an estimate), else a value typed in for the item,
 * else the criterion's default; each contribution says which of them it used.
 */
public final class Scorer {

	private Scorer() {
	}

	public static Score score(ModelSpec model, ItemFacts facts) {
		List<Score.Contribution> parts = new ArrayList<>();
		List<String> missing = new ArrayList<>();
		double benefitSum = 0;
		double costSum = 0;
		double benefitProduct = 1;
		double costProduct = 1;
		boolean hasCost = false;
		for (Criterion c : model.criteria()) {
			Input in = input(c, facts);
			if (in.problem() != null) {
				missing.add(c.label() + ": " + in.problem());
				continue;
			}
			double v = in.value();
			boolean cost = c.role() == Criterion.Role.COST;
			if (cost && !(v > 0)) {
				missing.add(c.label() + ": must be above 0");
				continue;
			}
			String effect;
			if (model.formula() == ModelSpec.Formula.PRODUCT) {
				effect = (cost ? "divides by " : "multiplies by ") + Scale.fmt(round(v));
				if (cost) {
					costProduct *= v;
				}
				else {
					benefitProduct *= v;
				}
			}
			else {
				double weighted = c.weight() * v;
				effect = (cost ? "adds to the divisor " : "adds ") + Scale.fmt(round(weighted)) + (c.weight() != 1
						? " (weight " + Scale.fmt(c.weight()) + " × " + Scale.fmt(round(v)) + ")" : "");
				if (cost) {
					costSum += weighted;
				}
				else {
					benefitSum += weighted;
				}
			}
			hasCost |= cost;
			parts.add(new Score.Contribution(c.key(), c.label(), in.shown(), v, in.source(), effect, in.origin()));
		}
		if (!missing.isEmpty()) {
			return new Score(null, null, null, null, parts, missing);
		}
		return switch (model.formula()) {
			case CATEGORY -> {
				Criterion c = model.criteria().get(0);
				String label = ((Scale.Choice) c.scale()).labelOf(facts.inputs().get(c.key()));
				yield new Score(parts.get(0).value(), parts.get(0).value(), 1d, label, parts, missing);
			}
			case PRODUCT -> new Score(round(benefitProduct / costProduct), round(benefitProduct),
					hasCost ? round(costProduct) : 1d, null, parts, missing);
			case SUM -> new Score(round(hasCost ? benefitSum / costSum : benefitSum), round(benefitSum),
					hasCost ? round(costSum) : 1d, null, parts, missing);
		};
	}

	/** Only the score values, for many items at once (null where not scorable). */
	public static Double[] values(ModelSpec model, List<ItemFacts> items) {
		Double[] result = new Double[items.size()];
		for (int i = 0; i < result.length; i++) {
			result[i] = score(model, items.get(i)).value();
		}
		return result;
	}

	/**
	 * An input as read: its value (null with a problem), how it is shown, where it came
	 * from (in words and as an origin), or why it is missing.
	 */
	private record Input(Double value, String shown, String problem, String source, Score.Origin origin) {

		static Input missing(String problem, String shown) {
			return new Input(null, shown, problem, null, null);
		}

	}

	private static Input input(Criterion c, ItemFacts f) {
		if (c.source() == Criterion.Source.MANUAL) {
			return typed(c, f, "missing", c.source().description());
		}
		Double evidence = switch (c.source()) {
			case CUSTOMERS -> f.customers() == null ? null : f.customers().doubleValue();
			case REVENUE -> f.revenueThousands();
			case IMPORTANCE -> f.importance() == null ? null : f.importance().doubleValue();
			case ESTIMATE -> f.estimate();
			case MANUAL -> null;
		};
		boolean some = evidence != null && (c.source() == Criterion.Source.ESTIMATE || evidence > 0);
		if (some) {
			return new Input(evidence, Scale.fmt(round(evidence)), null, c.source().description(),
					Score.Origin.EVIDENCE);
		}
		String none = switch (c.source()) {
			case CUSTOMERS, IMPORTANCE -> "no customers asked";
			case REVENUE -> "no revenue known for customers asking";
			default -> "the item has no estimate";
		};
		String raw = f.inputs().get(c.key());
		if (raw != null && !raw.isBlank()) {
			return typed(c, f, none, "typed in (" + none + ")");
		}
		if (c.defaultValue() != null) {
			return new Input(c.defaultValue(), Scale.fmt(c.defaultValue()), null, "the model's default (" + none + ")",
					Score.Origin.DEFAULT);
		}
		return Input
			.missing(none + (c.source() == Criterion.Source.ESTIMATE ? "; estimate it" : "; type a value for it")
					+ " or give the model a default", null);
	}

	private static Input typed(Criterion c, ItemFacts f, String whenMissing, String source) {
		String raw = f.inputs().get(c.key());
		if (raw == null || raw.isBlank()) {
			return Input.missing(whenMissing, null);
		}
		Scale.Parsed p = c.scale().parse(raw);
		return p.problem() != null ? Input.missing(p.problem(), raw)
				: new Input(p.value(), raw, null, source, Score.Origin.TYPED);
	}

	/** Six significant decimals, so that scores are reproducible across platforms. */
	static double round(double v) {
		return Math.round(v * 1e6) / 1e6;
	}

}
