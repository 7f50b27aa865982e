package dev.priora.feedback.engine;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.classification.liblinear.LinearClassificationType.LinearType;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * A product's own kind model: L2-regularised logistic regression (liblinear through
 * Tribuo) on the sentence vector concatenated with a hashed TF-IDF bag of words
 * ({@link HashedTfIdf}), each part of unit length and weighted by {@link Settings}. The
 * sentence vector carries meaning across wordings; the bag of words carries a product's
 * own vocabulary (error messages, template headings), which few labels cannot teach the
 * sentence model. Training is deterministic (liblinear's random generator is reset each
 * time), so every node trains the same model from the same labels.
 */
public final class LinearKindModel {

	/** A labelled text with its unit-length sentence vector. */
	public record Example(String label, float[] vector, String text) {
	}

	/**
	 * Liblinear's cost C (higher fits the labels more closely) and the weights of the
	 * sentence-vector and bag-of-words parts.
	 */
	public record Settings(double cost, double vectorWeight, double wordsWeight) {

		public static final Settings DEFAULT = new Settings(10, 0.5, 1.0);

	}

	private static final LabelFactory LABELS = new LabelFactory();

	private static final OffsetDateTime EPOCH = OffsetDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

	private static final String[] VECTOR_NAMES = new String[1024];

	static {
		for (int i = 0; i < VECTOR_NAMES.length; i++) {
			VECTOR_NAMES[i] = String.format("v%04d", i);
		}
	}

	private final Model<Label> model;

	private final HashedTfIdf words;

	private final Settings settings;

	private final List<String> classes;

	private LinearKindModel(Model<Label> model, HashedTfIdf words, Settings settings, List<String> classes) {
		this.model = model;
		this.words = words;
		this.settings = settings;
		this.classes = classes;
	}

	/**
	 * Trains on the examples (at least two labels among them); their order does not
	 * matter for the result beyond liblinear's own determinism.
	 */
	public static LinearKindModel train(List<Example> examples, Settings settings) {
		TreeSet<String> labels = new TreeSet<>();
		examples.forEach(e -> labels.add(e.label()));
		if (labels.size() < 2) {
			throw new IllegalArgumentException("at least two kinds are needed to train");
		}
		HashedTfIdf words = HashedTfIdf.fit(examples.stream().map(Example::text).toList());
		MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("labels", EPOCH, LABELS),
				LABELS);
		for (Example e : examples) {
			data.add(example(new Label(e.label()), e.vector(), e.text(), words, settings));
		}
		var trainer = new LibLinearClassificationTrainer(new LinearClassificationType(LinearType.L2R_LR),
				settings.cost(), 1000, 0.01);
		return new LinearKindModel(trainer.train(data), words, settings, List.copyOf(labels));
	}

	/** The kinds this model knows (those it was trained on), sorted. */
	public List<String> classes() {
		return classes;
	}

	public KindPrediction predict(float[] vector, String text) {
		Prediction<Label> p = model.predict(example(LabelFactory.UNKNOWN_LABEL, vector, text, words, settings));
		Map<String, Double> scores = new LinkedHashMap<>();
		double sum = 0;
		for (var e : p.getOutputScores().entrySet()) {
			double s = Math.max(0, e.getValue().getScore());
			scores.put(e.getKey(), s);
			sum += s;
		}
		if (sum > 0) {
			double total = sum;
			scores.replaceAll((k, v) -> v / total);
		}
		String top = p.getOutput().getLabel();
		return new KindPrediction(top, Math.min(1, scores.getOrDefault(top, 1.0)), scores);
	}

	private static ArrayExample<Label> example(Label label, float[] vector, String text, HashedTfIdf words,
			Settings settings) {
		Map<Integer, Double> bag = words.vector(text);
		int n = Math.min(vector.length, VECTOR_NAMES.length);
		List<String> names = new ArrayList<>(n + bag.size());
		double[] values = new double[n + bag.size()];
		for (int i = 0; i < n; i++) {
			names.add(VECTOR_NAMES[i]);
			values[i] = vector[i] * settings.vectorWeight();
		}
		int j = n;
		for (var e : bag.entrySet()) {
			names.add("w" + e.getKey());
			values[j++] = e.getValue() * settings.wordsWeight();
		}
		return new ArrayExample<>(label, names.toArray(String[]::new), values);
	}

}
