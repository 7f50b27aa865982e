package dev.priora.feedback.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The general model, which needs no labels: each label has prototypes (unit-length
 * sentence vectors of descriptions and example sentences written for it); a text's score
 * for a label is its best cosine similarity to one of the label's prototypes, and the
 * scores go through a softmax with the given {@code temperature} (smaller is sharper), so
 * the confidence is the winning label's share. Nearest-prototype is chosen because it
 * works with a handful of examples per label and costs one dot product per prototype
 * (about 60 × 384 multiplications).
 */
public final class PrototypeClassifier {

	/** One prototype: a label and a unit-length sentence vector. */
	public record Prototype(String label, float[] vector) {
	}

	private final List<Prototype> prototypes;

	private final double temperature;

	public PrototypeClassifier(List<Prototype> prototypes, double temperature) {
		if (prototypes.isEmpty() || temperature <= 0) {
			throw new IllegalArgumentException("prototypes and a positive temperature");
		}
		this.prototypes = List.copyOf(prototypes);
		this.temperature = temperature;
	}

	/**
	 * A classifier of the given sentences per label, each embedded by {@code embed} (a
	 * sentence to its unit-length vector).
	 */
	public static PrototypeClassifier of(Map<String, List<String>> sentences,
			java.util.function.Function<String, float[]> embed, double temperature) {
		List<Prototype> prototypes = new java.util.ArrayList<>();
		sentences.keySet()
			.stream()
			.sorted()
			.forEach(label -> sentences.get(label).forEach(t -> prototypes.add(new Prototype(label, embed.apply(t)))));
		return new PrototypeClassifier(prototypes, temperature);
	}

	/** The label of a unit-length vector with the probabilities of all labels. */
	public KindPrediction predict(float[] vector) {
		Map<String, Double> best = new LinkedHashMap<>();
		for (Prototype p : prototypes) {
			double sim = dot(vector, p.vector());
			best.merge(p.label(), sim, Math::max);
		}
		return softmax(best, temperature);
	}

	static KindPrediction softmax(Map<String, Double> raw, double temperature) {
		double max = raw.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
		Map<String, Double> exp = new LinkedHashMap<>();
		double sum = 0;
		for (var e : raw.entrySet()) {
			double x = Math.exp((e.getValue() - max) / temperature);
			exp.put(e.getKey(), x);
			sum += x;
		}
		String top = null;
		double topScore = -1;
		Map<String, Double> probabilities = new LinkedHashMap<>();
		for (var e : exp.entrySet()) {
			double p = e.getValue() / sum;
			probabilities.put(e.getKey(), p);
			if (p > topScore) {
				top = e.getKey();
				topScore = p;
			}
		}
		return new KindPrediction(top, Math.min(1, topScore), probabilities);
	}

	static double dot(float[] a, float[] b) {
		double s = 0;
		int n = Math.min(a.length, b.length);
		for (int i = 0; i < n; i++) {
			s += a[i] * b[i];
		}
		return s;
	}

}
