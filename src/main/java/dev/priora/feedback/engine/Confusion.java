package dev.priora.feedback.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A confusion matrix: {@code counts[i][j]} texts of class {@code classes[i]} (the true
 * label) were predicted as {@code classes[j]}. Classes are those of the truth and the
 * predictions together, in the order given; precision, recall and F1 of a class that was
 * never predicted (or never true) are 0, and the macro F1 averages every class, as
 * scikit-learn does.
 */
public record Confusion(List<String> classes, int[][] counts) {

	public Confusion {
		classes = List.copyOf(classes);
		if (counts.length != classes.size()) {
			throw new IllegalArgumentException("one row per class");
		}
	}

	/** Counts the pairs; {@code order} fixes the order of the classes that appear. */
	public static Confusion of(List<String> truth, List<String> predicted, List<String> order) {
		if (truth.size() != predicted.size()) {
			throw new IllegalArgumentException("one prediction per true label");
		}
		List<String> classes = new ArrayList<>();
		for (String c : order) {
			if (truth.contains(c) || predicted.contains(c)) {
				classes.add(c);
			}
		}
		for (String c : truth) {
			if (!classes.contains(c)) {
				classes.add(c);
			}
		}
		for (String c : predicted) {
			if (!classes.contains(c)) {
				classes.add(c);
			}
		}
		int[][] counts = new int[classes.size()][classes.size()];
		for (int i = 0; i < truth.size(); i++) {
			counts[classes.indexOf(truth.get(i))][classes.indexOf(predicted.get(i))]++;
		}
		return new Confusion(classes, counts);
	}

	public int total() {
		int n = 0;
		for (int[] row : counts) {
			for (int c : row) {
				n += c;
			}
		}
		return n;
	}

	public double accuracy() {
		int right = 0;
		for (int i = 0; i < counts.length; i++) {
			right += counts[i][i];
		}
		return total() == 0 ? 0 : (double) right / total();
	}

	public double precision(int c) {
		int predicted = 0;
		for (int[] row : counts) {
			predicted += row[c];
		}
		return predicted == 0 ? 0 : (double) counts[c][c] / predicted;
	}

	public double recall(int c) {
		int actual = 0;
		for (int v : counts[c]) {
			actual += v;
		}
		return actual == 0 ? 0 : (double) counts[c][c] / actual;
	}

	public double f1(int c) {
		double p = precision(c);
		double r = recall(c);
		return p + r == 0 ? 0 : 2 * p * r / (p + r);
	}

	public double macroF1() {
		if (classes.isEmpty()) {
			return 0;
		}
		double sum = 0;
		for (int c = 0; c < classes.size(); c++) {
			sum += f1(c);
		}
		return sum / classes.size();
	}

}
