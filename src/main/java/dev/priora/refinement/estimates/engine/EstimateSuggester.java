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
 * Accuracy is leave-one-out: each example is suggested from all the others (but its
 * copies) and compared with its estimate, and so is the median of the others. Cost: n²
 * similarity products (about 0.3 s for 1,000 examples of 384 dimensions).
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

	/**
	 * The parameters of least leave-one-out MAE among 360 on the train and validation
	 * rows of the story-point benchmark (JIRA Software, docs/BENCHMARKS.md; the test rows
	 * were not used to choose): 25 neighbours, temperature 0.1, the median weighing 4 at
	 * similarity 0.3.
	 */
	public static final Tuning DEFAULTS = new Tuning(25, 0.1, 0.3, 4.0, 10);

	private static final double UNRELATED = 0.2;

	private static final double ALIKE = 0.7;

	/** The similarity from which two examples are copies of one text. */
	static final double COPY = 0.995;

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
		boolean[] out = new boolean[history.size()];
		for (int i = 0; i < out.length; i++) {
			out[i] = history.examples().get(i).id() == excludedId;
		}
		if (remaining(out) < tuning.minHistory()) {
			return Optional.empty();
		}
		return Optional.of(predict(history, similarities(history, norms(history), query), out));
	}

	/**
	 * The leave-one-out accuracy over the whole history; empty when it holds fewer than
	 * {@link Tuning#minHistory} examples (as when nothing is suggested). Copies of the
	 * left-out example (cosine similarity of at least {@value #COPY}: the same text, e.g.
	 * an issue imported twice) are left out with it, as they would tell its estimate
	 * where a new item has no copy to go by.
	 */
	public Optional<Accuracy> accuracy(History history) {
		int n = history.size();
		if (n < tuning.minHistory()) {
			return Optional.empty();
		}
		double[] norms = norms(history);
		double[] errors = new double[n];
		double[] medianErrors = new double[n];
		for (int i = 0; i < n; i++) {
			double[] sims = similarities(history, norms, history.examples().get(i).vector());
			boolean[] out = new boolean[n];
			for (int j = 0; j < n; j++) {
				out[j] = j == i || sims[j] >= COPY;
			}
			double actual = value(history, i);
			if (remaining(out) == 0) {
				errors[i] = Math.abs(median(history, new boolean[n]) - actual);
				medianErrors[i] = errors[i];
				continue;
			}
			errors[i] = Math.abs(predict(history, sims, out).estimate().doubleValue() - actual);
			medianErrors[i] = Math.abs(median(history, out) - actual);
		}
		BigDecimal median = history.examples().stream().map(Example::estimate).sorted().toList().get((n - 1) / 2);
		return Optional
			.of(new Accuracy(n, mean(errors), middle(errors), median, mean(medianErrors), middle(medianErrors)));
	}

	/** A suggestion from the examples not {@code out} (at least one). */
	private Suggestion predict(History history, double[] sims, boolean[] out) {
		int[] top = nearest(history, sims, out, tuning.neighbours());
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
		values[top.length] = median(history, out);
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

	/** Indexes of the {@code k} most similar examples not {@code out}, best first. */
	private static int[] nearest(History history, double[] sims, boolean[] out, int k) {
		int size = Math.min(k, remaining(out));
		int[] top = new int[size];
		int filled = 0;
		for (int i = 0; i < sims.length; i++) {
			if (out[i] || filled == size && !better(history, sims, i, top[size - 1])) {
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

	private static int remaining(boolean[] out) {
		int n = 0;
		for (boolean o : out) {
			n += o ? 0 : 1;
		}
		return n;
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

	/** The lower median of the estimates of the examples not {@code out}. */
	private static double median(History history, boolean[] out) {
		double[] values = new double[remaining(out)];
		int n = 0;
		for (int i = 0; i < out.length; i++) {
			if (!out[i]) {
				values[n++] = value(history, i);
			}
		}
		Arrays.sort(values);
		return values[(values.length - 1) / 2];
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
