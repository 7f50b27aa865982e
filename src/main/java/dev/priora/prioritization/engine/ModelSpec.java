package dev.priora.prioritization.engine;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A scoring model: its formula and criteria.
 * <ul>
 * <li>{@code SUM}: (Σ weight × benefit) ÷ (Σ weight × cost), or the benefit sum alone
 * when there is no cost (WSJF, value ÷ effort, custom scorecards);</li>
 * <li>{@code PRODUCT}: (Π benefit) ÷ (Π cost) (RICE: reach × impact × confidence ÷
 * effort);</li>
 * <li>{@code CATEGORY}: one choice criterion; the score is the chosen option's value
 * (MoSCoW, Kano).</li>
 * </ul>
 * Scores are absolute: an item's score depends on its own inputs only.
 */
public record ModelSpec(Formula formula, List<Criterion> criteria) {

	/** How the criteria combine. */
	public enum Formula {

		SUM, PRODUCT, CATEGORY

	}

	public ModelSpec {
		criteria = List.copyOf(criteria);
		if (formula == null || criteria.isEmpty() || criteria.size() > 20) {
			throw new IllegalArgumentException("a model needs a formula and 1 to 20 criteria");
		}
		Set<String> keys = new HashSet<>();
		for (Criterion c : criteria) {
			if (!keys.add(c.key())) {
				throw new IllegalArgumentException("criterion " + c.key() + " appears twice");
			}
		}
		if (criteria.stream().noneMatch(c -> c.role() == Criterion.Role.BENEFIT)) {
			throw new IllegalArgumentException("a model needs at least one benefit criterion");
		}
		if (formula == Formula.CATEGORY
				&& (criteria.size() != 1 || !(criteria.get(0).scale() instanceof Scale.Choice))) {
			throw new IllegalArgumentException("a category model has exactly one criterion with named options");
		}
	}

	public Criterion criterion(String key) {
		return criteria.stream().filter(c -> c.key().equals(key)).findFirst().orElse(null);
	}

}
