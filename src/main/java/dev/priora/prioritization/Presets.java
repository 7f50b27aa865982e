package dev.priora.prioritization;

import java.util.List;

import dev.priora.prioritization.ModelDefinition.CriterionDef;
import dev.priora.prioritization.ModelDefinition.OptionDef;
import dev.priora.prioritization.ModelDefinition.ScaleDef;
import dev.priora.prioritization.engine.Criterion.Role;
import dev.priora.prioritization.engine.Criterion.Source;
import dev.priora.prioritization.engine.ModelSpec.Formula;

/**
 * The models every product starts with: RICE (active; reach from the customers asking —
 * for an item nobody asked for, a reach typed in for it, else 1 — and effort from the
 * estimate), WSJF, value ÷ effort, MoSCoW and Kano.
 */
final class Presets {

	record Preset(String key, String name, ModelDefinition definition) {
	}

	private Presets() {
	}

	private static final ScaleDef FIBONACCI = new ScaleDef("fibonacci", null, null, null);

	static List<Preset> all() {
		return List.of(new Preset("RICE", "RICE", new ModelDefinition(Formula.PRODUCT, List.of(
				new CriterionDef("reach", "Reach", Role.BENEFIT, 1d, linear(0, 1_000_000_000), Source.CUSTOMERS, 1d),
				new CriterionDef("impact", "Impact", Role.BENEFIT, 1d,
						choice(new OptionDef("massive", 3), new OptionDef("high", 2), new OptionDef("medium", 1),
								new OptionDef("low", 0.5), new OptionDef("minimal", 0.25)),
						Source.MANUAL),
				new CriterionDef("confidence", "Confidence", Role.BENEFIT, 1d,
						choice(new OptionDef("high", 1), new OptionDef("medium", 0.8), new OptionDef("low", 0.5)),
						Source.MANUAL),
				new CriterionDef("effort", "Effort", Role.COST, 1d, linear(0, 100_000), Source.ESTIMATE)))),
				new Preset("WSJF", "WSJF", new ModelDefinition(Formula.SUM, List.of(
						new CriterionDef("businessValue", "Business value", Role.BENEFIT, 1d, FIBONACCI, Source.MANUAL),
						new CriterionDef("timeCriticality", "Time criticality", Role.BENEFIT, 1d, FIBONACCI,
								Source.MANUAL),
						new CriterionDef("riskReduction", "Risk reduction / opportunity enablement", Role.BENEFIT, 1d,
								FIBONACCI, Source.MANUAL),
						new CriterionDef("jobSize", "Job size", Role.COST, 1d, FIBONACCI, Source.MANUAL)))),
				new Preset("VALUE_EFFORT", "Value ÷ effort", new ModelDefinition(Formula.SUM,
						List.of(new CriterionDef("value", "Value", Role.BENEFIT, 1d, linear(0, 100), Source.MANUAL),
								new CriterionDef("effort", "Effort", Role.COST, 1d, linear(0, 100_000),
										Source.ESTIMATE)))),
				new Preset("MOSCOW", "MoSCoW", new ModelDefinition(Formula.CATEGORY,
						List.of(new CriterionDef("priority", "Priority", Role.BENEFIT, 1d,
								choice(new OptionDef("Must", 3), new OptionDef("Should", 2), new OptionDef("Could", 1),
										new OptionDef("Won't", 0)),
								Source.MANUAL)))),
				new Preset("KANO", "Kano",
						new ModelDefinition(Formula.CATEGORY,
								List.of(new CriterionDef("category", "Kano category", Role.BENEFIT, 1d,
										choice(new OptionDef("Must-be", 4), new OptionDef("Performance", 3),
												new OptionDef("Attractive", 2), new OptionDef("Indifferent", 1),
												new OptionDef("Reverse", 0)),
										Source.MANUAL)))));
	}

	private static ScaleDef linear(double min, double max) {
		return new ScaleDef("linear", min, max, null);
	}

	private static ScaleDef choice(OptionDef... options) {
		return new ScaleDef("choice", null, null, List.of(options));
	}

}
