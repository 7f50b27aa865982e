package dev.priora.prioritization;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.priora.problem.DomainProblem;
import dev.priora.prioritization.engine.Criterion;
import dev.priora.prioritization.engine.ModelSpec;
import dev.priora.prioritization.engine.Scale;

/**
 * A scoring model as stored and as the API shows it: the formula (SUM, PRODUCT or
 * CATEGORY) and its criteria, each with a scale ({@code linear} with min and max,
 * {@code fibonacci}, or {@code choice} with options) and a source.
 */
public record ModelDefinition(ModelSpec.Formula formula, List<CriterionDef> criteria) {

	/**
	 * One criterion; {@code weight} defaults to 1 and {@code source} to MANUAL.
	 * {@code defaultValue} (evidence criteria only, may be null) is used for an item
	 * without evidence and without a typed-in value.
	 */
	public record CriterionDef(String key, String label, Criterion.Role role, Double weight, ScaleDef scale,
			Criterion.Source source, Double defaultValue) {

		/** A criterion without a default value. */
		public CriterionDef(String key, String label, Criterion.Role role, Double weight, ScaleDef scale,
				Criterion.Source source) {
			this(key, label, role, weight, scale, source, null);
		}

	}

	/** {@code type} is linear, fibonacci or choice. */
	public record ScaleDef(String type, Double min, Double max, List<OptionDef> options) {
	}

	/** A named option and the number it counts as. */
	public record OptionDef(String label, double value) {
	}

	/** The engine's model; 400 naming the criterion when the definition is not usable. */
	public ModelSpec toSpec() {
		Map<String, String> errors = new LinkedHashMap<>();
		if (formula == null) {
			errors.put("formula", "is required: SUM, PRODUCT or CATEGORY");
		}
		if (criteria == null || criteria.isEmpty()) {
			errors.put("criteria", "at least one criterion is needed");
		}
		if (!errors.isEmpty()) {
			throw DomainProblem.invalid(errors);
		}
		List<Criterion> list = new ArrayList<>();
		for (int i = 0; i < criteria.size(); i++) {
			CriterionDef c = criteria.get(i);
			String field = "criteria[" + i + "]";
			try {
				if (c == null || c.scale() == null) {
					throw new IllegalArgumentException("needs a scale");
				}
				list.add(new Criterion(c.key(), c.label(), c.role(), c.weight() == null ? 1 : c.weight(),
						scale(c.scale()), c.source() == null ? Criterion.Source.MANUAL : c.source(), c.defaultValue()));
			}
			catch (IllegalArgumentException e) {
				errors.put(field, e.getMessage());
			}
		}
		if (!errors.isEmpty()) {
			throw DomainProblem.invalid(errors);
		}
		try {
			return new ModelSpec(formula, list);
		}
		catch (IllegalArgumentException e) {
			throw DomainProblem.invalid("criteria", e.getMessage());
		}
	}

	/** The keys of the preset models a product starts with (RICE, WSJF, …). */
	public static List<String> presetKeys() {
		return Presets.all().stream().map(Presets.Preset::key).toList();
	}

	/**
	 * Why {@code value} cannot be typed in for {@code criterion} under this model (no
	 * such criterion, evidence rather than typed in, too long, off its scale), or null
	 * when it can. 400 when the definition itself is not usable.
	 */
	public String inputProblem(String criterion, String value) {
		Criterion c = toSpec().criterion(criterion);
		if (c == null) {
			return "is not a criterion of this model";
		}
		if (c.source() != Criterion.Source.MANUAL) {
			return "comes from " + c.source().description() + "; it cannot be typed in";
		}
		if (value == null || value.isBlank() || value.length() > 100) {
			return "must be 1 to 100 characters";
		}
		return c.scale().parse(value.strip()).problem();
	}

	private static Scale scale(ScaleDef s) {
		String type = s.type() == null ? "" : s.type().toLowerCase(java.util.Locale.ROOT);
		return switch (type) {
			case "linear" -> {
				if (s.min() == null || s.max() == null) {
					throw new IllegalArgumentException("a linear scale needs min and max");
				}
				yield new Scale.Linear(s.min(), s.max());
			}
			case "fibonacci" -> new Scale.Fibonacci();
			case "choice" -> {
				if (s.options() == null || s.options().isEmpty() || s.options().size() > 20) {
					throw new IllegalArgumentException("a choice scale needs 1 to 20 options");
				}
				yield new Scale.Choice(s.options().stream().map(o -> new Scale.Option(o.label(), o.value())).toList());
			}
			default -> throw new IllegalArgumentException("scale type must be linear, fibonacci or choice");
		};
	}

}
