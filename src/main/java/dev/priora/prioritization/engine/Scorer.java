package dev.priora.prioritization.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Computes absolute, explainable scores. Each input is read from its source (typed in, or
 * evidence), checked against its scale, and combined by the model's formula; a missing or
 * invalid input makes the item "not scorable" with the reason, never NaN; a cost of 0 is
 * refused as missing.
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
			parts.add(new Score.Contribution(c.key(), c.label(), in.shown(), v, c.source().description(), effect));
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

	private record Input(Double value, String shown, String problem) {
	}

	private static Input input(Criterion c, ItemFacts f) {
		return switch (c.source()) {
			case MANUAL -> {
				String raw = f.inputs().get(c.key());
				if (raw == null || raw.isBlank()) {
					yield new Input(null, null, "missing");
				}
				Scale.Parsed p = c.scale().parse(raw);
				yield p.problem() != null ? new Input(null, raw, p.problem()) : new Input(p.value(), raw, null);
			}
			case CUSTOMERS ->
				evidence(f.customers() == null ? null : f.customers().doubleValue(), "no customers asked");
			case REVENUE -> evidence(f.revenueThousands(), "no revenue known for customers asking");
			case IMPORTANCE ->
				evidence(f.importance() == null ? null : f.importance().doubleValue(), "no customers asked");
			case ESTIMATE -> evidence(f.estimate(), "the item has no estimate");
		};
	}

	private static Input evidence(Double v, String whyMissing) {
		return v == null ? new Input(null, null, whyMissing) : new Input(v, Scale.fmt(round(v)), null);
	}

	/** Six significant decimals, so that scores are reproducible across platforms. */
	static double round(double v) {
		return Math.round(v * 1e6) / 1e6;
	}

}
