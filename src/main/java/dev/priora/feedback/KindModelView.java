package dev.priora.feedback;

import java.time.Instant;
import java.util.List;

/**
 * The kind model a product uses, as Settings and the API show it: {@code inUse} is
 * {@code general} (prototypes, no labels needed) or {@code product} (learned from the
 * kinds people set); {@code labels} how many set kinds the last check learned from
 * ({@code labelsNow} how many there are now); the held-out (5-fold cross-validated)
 * accuracy and macro F1 of both models on those labels (null before the first check or
 * with fewer than {@link #MIN_LABELS} labels); the product model's confusion matrix
 * ({@code counts[i][j]}: set as {@code classes[i]}, predicted as {@code classes[j]});
 * when it was checked (null: never).
 */
public record KindModelView(String inUse, int labels, int labelsNow, Double productAccuracy, Double generalAccuracy,
		Double productMacroF1, Double generalMacroF1, List<String> classes, List<List<Integer>> counts,
		Instant trainedAt) {

	/** Below this many labels (or with one kind only) the general model stays in use. */
	public static final int MIN_LABELS = 10;

	/** The classes of the confusion matrix as people read them ("Feature request"). */
	public List<String> classLabels() {
		return classes.stream().map(c -> FeedbackKind.valueOf(c).label()).toList();
	}

	public boolean productInUse() {
		return "product".equals(inUse);
	}

}
