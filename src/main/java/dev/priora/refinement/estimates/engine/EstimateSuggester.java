package dev.priora.refinement.estimates.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Suggests an estimate from the most similar examples of a history, and measures how well
 * that would have done on the history itself.
 *
 * <p>
 * The algorithm: the {@link Tuning#neighbours} examples of highest cosine similarity to
 * the query (ties by id) each weigh {@code exp((similarity - reference) / temperature)},
 * so a near paraphrase counts far more than a loosely related item; the history's median
 * joins them as one more vote of weight {@link Tuning#priorWeight}. The estimate is the
 * weighted median of these votes (the median, not the mean, because it minimises the
 * absolute error that teams feel and that the research on story points reports), snapped
 * to the nearest value of the scale (the lower of two equally near). The median vote
 * matters most when the neighbours are only loosely similar or disagree, which is when a
 * plain median is hard to beat (Choetkiertikul et al., TSE 2018). The range is the
 * neighbours' weighted 20th to 80th percentile, snapped and widened to hold the estimate.
 *
 * <p>
 * The confidence (0–1) is a heuristic, not a probability: the neighbours' weight share
 * whose estimate lies within one step of the scale of the suggestion, times how alike
 * they are (their weighted mean similarity mapped from 0.2, unrelated texts for the
 * sentence model, to 0.7, near paraphrases, onto 0–1).
 *
 * <p>
 * Accuracy is leave-one-out: each example is suggested from all the others and compared
 * with its estimate, and so is the median of the others. Cost: n² similarity products
 * (about 0.3 s for 1,000 examples of 384 dimensions).
 */
public final class EstimateSuggester {

	/**
	 * The algorithm's parameters: how many neighbours vote, the similarity scale of their
	 * weights ({@code temperature}, and the {@code reference} similarity that weighs 1),
	 * the weight of the history's median, and the fewest examples a suggestion needs.
	 */
	public record Tuning(int neighbours, double temperature, double reference, double priorWeight, int minHistory) {

		public Tuning {
			if (neighbours < 1 || temperature < 0.005 || priorWeight < 0 || minHistory < 2) {
				throw new IllegalArgumentException(
						"neighbours >= 1, temperature >= 0.005, priorWeight >= 0 and" + " minHistory >= 2 are needed");
			}
		}

	}

	/** The parameters chosen on the story-point benchmark's training rows. */
	public static final Tuning DEFAULTS = new Tuning(7, 0.05, 0.5, 1.0, 10);

	private static final double UNRELATED = 0.2;

	private static final double ALIKE = 0.7;

	private final Tuning tuning;

	public EstimateSuggester(Tuning tuning) {
		this.tuning = tuning;
	}

	public Tuning tuning() {
		return tuning;
	}

	/**
	 * The suggestion for a text with sentence vector {@code query}, leaving out the
	 * example with id {@code excludedId} (the item itself; any id that is no example
	 * leaves none out); empty when fewer than {@link Tuning#minHistory} examples remain.
	 */
	public Optional<Suggestion> suggest(History history, float[] query, long excludedId) {
		int skip = -1;
		for (int i = 0; i < history.size(); i++) {
			if (history.examples().get(i).id() == excludedId) {
				skip = i;
			}
		}
		if (history.size() - (skip < 0 ? 0 : 1) < tuning.minHistory()) {
			return Optional.empty();
		}
		double[] norms = norms(history);
		double[] estimates = sortedEstimates(history);
		double median = skip < 0 ? lowerMedian(estimates, estimates.length)
				: medianWithout(estimates, value(history, skip));
		return Optional.of(predict(history, similarities(history, norms, query), skip, median));
	}

	/**
	 * The leave-one-out accuracy over the whole history; empty when it holds fewer than
	 * {@link Tuning#minHistory} examples (as when nothing is suggested).
	 */
	public Optional<Accuracy> accuracy(History history) {
		int n = history.size();
		if (n < tuning.minHistory()) {
			return Optional.empty();
		}
		double[] norms = norms(history);
		double[] estimates = sortedEstimates(history);
		double[] errors = new double[n];
		double[] medianErrors = new double[n];
		for (int i = 0; i < n; i++) {
			double actual = value(history, i);
			double median = medianWithout(estimates, actual);
			Suggestion s = predict(history, similarities(history, norms, history.examples().get(i).vector()), i,
					median);
			errors[i] = Math.abs(s.estimate().doubleValue() - actual);
			medianErrors[i] = Math.abs(median - actual);
		}
		BigDecimal median = history.examples().stream().map(Example::estimate).sorted().toList().get((n - 1) / 2);
		return Optional
			.of(new Accuracy(n, mean(errors), middle(errors), median, mean(medianErrors), middle(medianErrors)));
	}

	private Suggestion predict(History history, double[] sims, int skip, double median) {
		int[] top = nearest(history, sims, skip, tuning.neighbours());
		double best = sims[top[0]];
		double[] values = new double[top.length + 1];
		double[] weights = new double[top.length + 1];
		List<Neighbour> basis = new ArrayList<>(top.length);
		for (int j = 0; j < top.length; j++) {
			Example e = history.examples().get(top[j]);
			values[j] = e.estimate().doubleValue();
			weights[j] = Math.exp((sims[top[j]] - best) / tuning.temperature());
			basis.add(new Neighbour(e.id(), e.estimate(), sims[top[j]]));
		}
		values[top.length] = median;
		weights[top.length] = tuning.priorWeight() * Math.exp((tuning.reference() - best) / tuning.temperature());
		Scale scale = new Scale(history.scale());
		int estimate = scale.nearest(Votes.quantile(values, weights, values.length, 0.5));
		int low = Math.min(estimate, scale.nearest(Votes.quantile(values, weights, top.length, 0.2)));
		int high = Math.max(estimate, scale.nearest(Votes.quantile(values, weights, top.length, 0.8)));
		double confidence = Votes.agreement(values, weights, top.length, scale, estimate)
				* closeness(Votes.weightedMean(sims, top, weights));
		return new Suggestion(scale.value(estimate), scale.value(low), scale.value(high),
				Math.round(confidence * 100) / 100.0, basis);
	}

	private static double closeness(double similarity) {
		return Math.max(0, Math.min(1, (similarity - UNRELATED) / (ALIKE - UNRELATED)));
	}

	/** Indexes of the {@code k} most similar examples but {@code skip}, best first. */
	private static int[] nearest(History history, double[] sims, int skip, int k) {
		int size = Math.min(k, history.size() - (skip < 0 ? 0 : 1));
		int[] top = new int[size];
		int filled = 0;
		for (int i = 0; i < sims.length; i++) {
			if (i == skip || filled == size && !better(history, sims, i, top[size - 1])) {
				continue;
			}
			int at = filled < size ? filled++ : size - 1;
			while (at > 0 && better(history, sims, i, top[at - 1])) {
				top[at] = top[at - 1];
				at--;
			}
			top[at] = i;
		}
		return top;
	}

	private static boolean better(History history, double[] sims, int a, int b) {
		return sims[a] > sims[b]
				|| sims[a] == sims[b] && history.examples().get(a).id() < history.examples().get(b).id();
	}

	private static double[] norms(History history) {
		double[] norms = new double[history.size()];
		for (int i = 0; i < norms.length; i++) {
			norms[i] = Math.sqrt(dot(history.examples().get(i).vector(), history.examples().get(i).vector()));
		}
		return norms;
	}

	private static double[] similarities(History history, double[] norms, float[] query) {
		double q = Math.sqrt(dot(query, query));
		double[] sims = new double[history.size()];
		for (int i = 0; i < sims.length; i++) {
			double denominator = q * norms[i];
			sims[i] = denominator == 0 ? 0 : dot(query, history.examples().get(i).vector()) / denominator;
		}
		return sims;
	}

	private static double dot(float[] a, float[] b) {
		double sum = 0;
		for (int i = 0, n = Math.min(a.length, b.length); i < n; i++) {
			sum += a[i] * b[i];
		}
		return sum;
	}

	private static double value(History history, int i) {
		return history.examples().get(i).estimate().doubleValue();
	}

	private static double[] sortedEstimates(History history) {
		double[] values = history.examples().stream().mapToDouble(e -> e.estimate().doubleValue()).toArray();
		Arrays.sort(values);
		return values;
	}

	/** The lower median of the first {@code n} sorted values. */
	private static double lowerMedian(double[] sorted, int n) {
		return sorted[(n - 1) / 2];
	}

	/**
	 * The lower median of the sorted values with one occurrence of {@code removed} out.
	 */
	private static double medianWithout(double[] sorted, double removed) {
		int at = Arrays.binarySearch(sorted, removed);
		while (at > 0 && sorted[at - 1] == removed) {
			at--;
		}
		int middle = (sorted.length - 2) / 2;
		return at <= middle ? sorted[middle + 1] : sorted[middle];
	}

	private static double mean(double[] values) {
		return Arrays.stream(values).average().orElse(0);
	}

	private static double middle(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		int n = sorted.length;
		return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
	}

}
