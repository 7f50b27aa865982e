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
 * Tribuo) on the sentence vector concatenated with hashed TF-IDF bags of words and of
 * character n-grams ({@link HashedTfIdf}), each part of unit length and weighted by
 * {@link Settings}. The sentence vector carries meaning across wordings; the bags carry a
 * product's own vocabulary (error messages, template headings, identifiers), which few
 * labels cannot teach the sentence model. Which settings suit a product is chosen on its
 * own labels ({@link SettingsSearch}). Training is deterministic (liblinear's random
 * generator is reset each time), so every node trains the same model from the same
 * labels.
 */
public final class LinearKindModel {

	/** A labelled text with its unit-length sentence vector. */
	public record Example(String label, float[] vector, String text) {
	}

	/**
	 * Liblinear's cost C (higher fits the labels more closely) and the weights of the
	 * sentence-vector, bag-of-words and character n-gram parts (0 leaves a part out).
	 */
	public record Settings(double cost, double vectorWeight, double wordsWeight, double charsWeight) {

		/** The settings of issue 20's first measurements: no character n-grams. */
		public static final Settings DEFAULT = new Settings(10, 0.5, 1.0, 0);

		/**
		 * The candidates a product's cross-validation chooses from (DEFAULT first: a tie
		 * keeps it).
		 */
		public static final List<Settings> GRID = List.of(DEFAULT, new Settings(10, 0.5, 1.0, 1.0),
				new Settings(10, 1.0, 1.0, 1.0), new Settings(3, 0.5, 1.0, 1.0), new Settings(30, 0.5, 1.0, 1.0),
				new Settings(10, 0.25, 1.0, 0.5), new Settings(3, 1.0, 1.0, 0), new Settings(30, 0.5, 1.0, 0.5));

		public Settings {
			if (!(cost > 0) || vectorWeight < 0 || wordsWeight < 0 || charsWeight < 0) {
				throw new IllegalArgumentException("cost must be positive and weights not negative");
			}
		}

		/** As stored: {@code C=10;vector=0.5;words=1;chars=1}. */
		public String format() {
			return "C=" + num(cost) + ";vector=" + num(vectorWeight) + ";words=" + num(wordsWeight) + ";chars="
					+ num(charsWeight);
		}

		/** Reads {@link #format}'s text; DEFAULT for null. */
		public static Settings parse(String text) {
			if (text == null || text.isBlank()) {
				return DEFAULT;
			}
			Map<String, Double> parts = new LinkedHashMap<>();
			for (String part : text.split(";")) {
				String[] kv = part.split("=", 2);
				parts.put(kv[0], Double.parseDouble(kv[1]));
			}
			return new Settings(parts.get("C"), parts.get("vector"), parts.get("words"),
					parts.getOrDefault("chars", 0.0));
		}

		private static String num(double d) {
			return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
		}

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

	private final Bags bags;

	private final Settings settings;

	private final List<String> classes;

	/** The bags of terms learned from the training texts (chars null when weighed 0). */
	private record Bags(HashedTfIdf words, HashedTfIdf chars) {
	}

	private LinearKindModel(Model<Label> model, Bags bags, Settings settings, List<String> classes) {
		this.model = model;
		this.bags = bags;
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
		List<String> texts = examples.stream().map(Example::text).toList();
		Bags bags = new Bags(HashedTfIdf.fit(texts, HashedTfIdf.Terms.WORDS),
				settings.charsWeight() > 0 ? HashedTfIdf.fit(texts, HashedTfIdf.Terms.CHARS) : null);
		MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("labels", EPOCH, LABELS),
				LABELS);
		for (Example e : examples) {
			data.add(example(new Label(e.label()), e.vector(), e.text(), bags, settings));
		}
		var trainer = new LibLinearClassificationTrainer(new LinearClassificationType(LinearType.L2R_LR),
				settings.cost(), 1000, 0.01);
		return new LinearKindModel(trainer.train(data), bags, settings, List.copyOf(labels));
	}

	/** The settings it was trained with. */
	public Settings settings() {
		return settings;
	}

	/** The kinds this model knows (those it was trained on), sorted. */
	public List<String> classes() {
		return classes;
	}

	public KindPrediction predict(float[] vector, String text) {
		Prediction<Label> p = model.predict(example(LabelFactory.UNKNOWN_LABEL, vector, text, bags, settings));
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

	private static ArrayExample<Label> example(Label label, float[] vector, String text, Bags bags, Settings settings) {
		Map<Integer, Double> words = bags.words().vector(text);
		Map<Integer, Double> chars = bags.chars() == null ? Map.of() : bags.chars().vector(text);
		int n = Math.min(vector.length, VECTOR_NAMES.length);
		List<String> names = new ArrayList<>(n + words.size() + chars.size());
		double[] values = new double[n + words.size() + chars.size()];
		for (int i = 0; i < n; i++) {
			names.add(VECTOR_NAMES[i]);
			values[i] = vector[i] * settings.vectorWeight();
		}
		int j = n;
		for (var e : words.entrySet()) {
			names.add("w" + e.getKey());
			values[j++] = e.getValue() * settings.wordsWeight();
		}
		for (var e : chars.entrySet()) {
			names.add("c" + e.getKey());
			values[j++] = e.getValue() * settings.charsWeight();
		}
		return new ArrayExample<>(label, names.toArray(String[]::new), values);
	}

}
