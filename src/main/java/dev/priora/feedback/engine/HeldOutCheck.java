package dev.priora.feedback.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Compares the product's model with the general one on the product's own labels by
 * stratified k-fold cross-validation: the labels of each kind are shuffled (with the
 * given seed) and dealt into {@code folds} folds; each fold is predicted by a model
 * trained on the others, so every label is predicted once by a model that never saw it.
 * The general model learns nothing from labels, so its predictions are simply compared
 * with them. The product's model wins only with a higher macro F1 (a tie keeps the
 * general one).
 */
public final class HeldOutCheck {

	/** The outcome: both models' confusion on the labels and which one is better. */
	public record Result(int labels, Confusion product, Confusion general) {

		public boolean productWins() {
			return product.macroF1() > general.macroF1();
		}

	}

	private HeldOutCheck() {
	}

	/**
	 * Cross-validates; {@code generalPredictions} holds the general model's label for
	 * each example, in order; {@code order} orders the classes of the confusion matrices.
	 */
	public static Result run(List<LinearKindModel.Example> examples, List<String> generalPredictions,
			LinearKindModel.Settings settings, int folds, long seed, List<String> order) {
		int[] fold = folds(examples, folds, seed);
		List<String> truth = examples.stream().map(LinearKindModel.Example::label).toList();
		String[] predicted = new String[examples.size()];
		for (int f = 0; f < folds; f++) {
			List<LinearKindModel.Example> train = new ArrayList<>();
			List<Integer> test = new ArrayList<>();
			for (int i = 0; i < examples.size(); i++) {
				if (fold[i] == f) {
					test.add(i);
				}
				else {
					train.add(examples.get(i));
				}
			}
			if (test.isEmpty()) {
				continue;
			}
			long kinds = train.stream().map(LinearKindModel.Example::label).distinct().count();
			LinearKindModel model = kinds < 2 ? null : LinearKindModel.train(train, settings);
			for (int i : test) {
				var e = examples.get(i);
				predicted[i] = model == null ? mostCommon(train, e.label())
						: model.predict(e.vector(), e.text()).label();
			}
		}
		return new Result(examples.size(), Confusion.of(truth, List.of(predicted), order),
				Confusion.of(truth, generalPredictions, order));
	}

	/** Each example's fold, dealt round-robin per kind after a seeded shuffle. */
	static int[] folds(List<LinearKindModel.Example> examples, int folds, long seed) {
		Map<String, List<Integer>> byKind = new LinkedHashMap<>();
		for (int i = 0; i < examples.size(); i++) {
			byKind.computeIfAbsent(examples.get(i).label(), k -> new ArrayList<>()).add(i);
		}
		Random random = new Random(seed);
		int[] fold = new int[examples.size()];
		int next = 0;
		for (var kind : byKind.keySet().stream().sorted(Comparator.naturalOrder()).toList()) {
			List<Integer> members = byKind.get(kind);
			java.util.Collections.shuffle(members, random);
			for (int i : members) {
				fold[i] = next++ % folds;
			}
		}
		return fold;
	}

	private static String mostCommon(List<LinearKindModel.Example> train, String fallback) {
		return train.isEmpty() ? fallback : train.get(0).label();
	}

}
