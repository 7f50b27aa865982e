package dev.priora.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import dev.priora.feedback.SentenceEmbedder;
import dev.priora.refinement.estimates.engine.Accuracy;
import dev.priora.refinement.estimates.engine.EstimateSuggester;
import dev.priora.refinement.estimates.engine.Example;
import dev.priora.refinement.estimates.engine.History;

/**
 * The choice of {@link EstimateSuggester#DEFAULTS}, in-process: every row embedded once
 * by the sentence model, then a grid of parameters ranked by leave-one-out MAE on the
 * train and validation rows alone (the test rows' MAE is printed beside, never used to
 * choose), and the statistics the benchmark reports.
 */
final class StoryPointTuning {

	private StoryPointTuning() {
	}

	static void compare(List<StoryPointBenchmark.Row> train, List<StoryPointBenchmark.Row> test) {
		SentenceEmbedder embedder = new SentenceEmbedder();
		List<BigDecimal> scale = train.stream().map(StoryPointBenchmark.Row::points).distinct().sorted().toList();
		List<Example> examples = new ArrayList<>();
		for (int i = 0; i < train.size(); i++) {
			examples.add(new Example(i, embedder.embed(train.get(i).title(), train.get(i).description()),
					train.get(i).points()));
		}
		History history = new History(scale, examples);
		List<float[]> queries = test.stream().map(r -> embedder.embed(r.title(), r.description())).toList();
		List<double[]> results = new ArrayList<>();
		for (int k : new int[] { 3, 5, 7, 10, 15, 25 }) {
			for (double temperature : new double[] { 0.02, 0.05, 0.1, 0.3 }) {
				for (double reference : new double[] { 0.3, 0.5, 0.7 }) {
					for (double prior : new double[] { 0, 0.5, 1, 2, 4 }) {
						var tuning = new EstimateSuggester.Tuning(k, temperature, reference, prior, 10);
						results.add(evaluate(new EstimateSuggester(tuning), history, queries, test, k, temperature,
								reference, prior));
					}
				}
			}
		}
		results.sort(Comparator.comparingDouble(r -> r[4]));
		System.out.println("| neighbours | temperature | reference | prior | LOO MAE (train+val) | test MAE |");
		System.out.println("| --- | --- | --- | --- | --- | --- |");
		for (double[] r : results.subList(0, Math.min(10, results.size()))) {
			System.out.printf(Locale.ROOT, "| %.0f | %.2f | %.1f | %.1f | %.3f | %.3f |%n", r[0], r[1], r[2], r[3],
					r[4], r[5]);
		}
		var d = EstimateSuggester.DEFAULTS;
		double[] chosen = evaluate(new EstimateSuggester(d), history, queries, test, d.neighbours(), d.temperature(),
				d.reference(), d.priorWeight());
		System.out.printf(Locale.ROOT, "DEFAULTS %s: LOO MAE %.3f, test MAE %.3f (of %d combinations)%n", d, chosen[4],
				chosen[5], results.size());
	}

	private static double[] evaluate(EstimateSuggester suggester, History history, List<float[]> queries,
			List<StoryPointBenchmark.Row> test, double... parameters) {
		Accuracy loo = suggester.accuracy(history).orElseThrow();
		double[] errors = new double[test.size()];
		for (int i = 0; i < test.size(); i++) {
			double s = suggester.suggest(history, queries.get(i), Long.MIN_VALUE)
				.orElseThrow()
				.estimate()
				.doubleValue();
			errors[i] = Math.abs(s - test.get(i).points().doubleValue());
		}
		return new double[] { parameters[0], parameters[1], parameters[2], parameters[3], loo.mae(), mean(errors) };
	}

	/** The lower middle of the rows' points. */
	static double lowerMedian(List<StoryPointBenchmark.Row> rows) {
		double[] points = rows.stream().mapToDouble(r -> r.points().doubleValue()).sorted().toArray();
		return points[(points.length - 1) / 2];
	}

	static double mean(double[] values) {
		return Arrays.stream(values).average().orElse(Double.NaN);
	}

	static double middle(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int n = sorted.length;
		return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

}
