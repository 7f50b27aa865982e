package dev.priora.feedback.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses a product's model settings on its own labels: each candidate of
 * {@link LinearKindModel.Settings#GRID} is cross-validated ({@link HeldOutCheck}, the
 * same stratified folds for all) and the one with the highest macro F1 wins, the earlier
 * on a tie. Only the labels are used, never data the model is later scored on; the
 * winner's cross-validated score is optimistic (it was chosen by it), so the check
 * against the general model runs again on other folds.
 */
public final class SettingsSearch {

	/** The chosen settings and each candidate's cross-validated macro F1. */
	public record Choice(LinearKindModel.Settings settings, Map<LinearKindModel.Settings, Double> scores) {
	}

	private SettingsSearch() {
	}

	public static Choice choose(List<LinearKindModel.Example> examples, int folds, long seed, List<String> order) {
		return choose(examples, LinearKindModel.Settings.GRID, folds, seed, order);
	}

	public static Choice choose(List<LinearKindModel.Example> examples, List<LinearKindModel.Settings> candidates,
			int folds, long seed, List<String> order) {
		List<String> none = examples.stream().map(e -> e.label()).toList();
		Map<LinearKindModel.Settings, Double> scores = new LinkedHashMap<>();
		LinearKindModel.Settings best = candidates.get(0);
		double bestScore = -1;
		for (LinearKindModel.Settings s : candidates) {
			double f1 = HeldOutCheck.run(examples, none, s, folds, seed, order).product().macroF1();
			scores.put(s, f1);
			if (f1 > bestScore) {
				best = s;
				bestScore = f1;
			}
		}
		return new Choice(best, scores);
	}

}
