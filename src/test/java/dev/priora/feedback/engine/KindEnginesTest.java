package dev.priora.feedback.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class KindEnginesTest {

	private static float[] unit(double... xs) {
		double n = 0;
		for (double x : xs) {
			n += x * x;
		}
		float[] v = new float[xs.length];
		for (int i = 0; i < xs.length; i++) {
			v[i] = (float) (xs[i] / Math.sqrt(n));
		}
		return v;
	}

	@Test
	void theNearestPrototypeWinsWithASoftmaxConfidence() {
		var classifier = new PrototypeClassifier(List.of(new PrototypeClassifier.Prototype("BUG", unit(1, 0, 0)),
				new PrototypeClassifier.Prototype("BUG", unit(0.9, 0.1, 0)),
				new PrototypeClassifier.Prototype("PRAISE", unit(0, 1, 0))), 0.05);
		KindPrediction p = classifier.predict(unit(0.8, 0.2, 0));
		assertThat(p.label()).isEqualTo("BUG");
		assertThat(p.confidence()).isGreaterThan(0.99);
		assertThat(p.scores().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0,
				org.assertj.core.data.Offset.offset(1e-9));
		KindPrediction tie = classifier.predict(unit(1, 1, 0));
		assertThat(tie.confidence()).isBetween(0.5, 0.9);
	}

	@Test
	void theBagOfWordsWeighsRareWordsAndCountsQuestionMarks() {
		HashedTfIdf words = HashedTfIdf.fit(List.of("the export crashes", "the import is slow", "the app"));
		var v = words.vector("the export crashes?");
		assertThat(v.get(HashedTfIdf.bucket("export"))).isGreaterThan(v.get(HashedTfIdf.bucket("the")));
		assertThat(v).containsKey(HashedTfIdf.bucket("export crashes")).doesNotContainKey(HashedTfIdf.bucket("?"));
		assertThat(v.values().stream().mapToDouble(x -> x * x).sum()).isCloseTo(1.0,
				org.assertj.core.data.Offset.offset(1e-9));
		assertThat(HashedTfIdf.counts("why? how?")).containsEntry(HashedTfIdf.bucket("?"), 2);
		assertThat(words.vector("unknown words only")).isEmpty();
	}

	@Test
	void theConfusionMatrixGivesAccuracyAndMacroF1LikeScikitLearn() {
		Confusion c = Confusion.of(List.of("BUG", "BUG", "QUESTION", "QUESTION"),
				List.of("BUG", "QUESTION", "QUESTION", "PRAISE"), List.of("BUG", "QUESTION", "PRAISE"));
		assertThat(c.classes()).containsExactly("BUG", "QUESTION", "PRAISE");
		assertThat(c.accuracy()).isEqualTo(0.5);
		assertThat(c.f1(0)).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(c.f1(2)).isZero();
		assertThat(c.macroF1()).isCloseTo((2.0 / 3 + 0.5 + 0) / 3, org.assertj.core.data.Offset.offset(1e-9));
		assertThatThrownBy(() -> Confusion.of(List.of("A"), List.of(), List.of()))
			.isInstanceOf(IllegalArgumentException.class);
	}

	/** Two kinds told apart only by their words; the vectors are noise. */
	private static List<LinearKindModel.Example> wordsOnly(int perKind, long seed) {
		Random random = new Random(seed);
		List<LinearKindModel.Example> examples = new ArrayList<>();
		for (int i = 0; i < perKind; i++) {
			examples.add(new LinearKindModel.Example("BUG", noise(random), "scanner beeps at dock " + i));
			examples.add(new LinearKindModel.Example("QUESTION", noise(random), "newsletter draft for crew " + i));
		}
		return examples;
	}

	private static float[] noise(Random random) {
		double[] v = new double[16];
		for (int i = 0; i < v.length; i++) {
			v[i] = random.nextGaussian();
		}
		return unit(v);
	}

	@Test
	void theProductsModelLearnsTheProductsWordsAndWinsTheHeldOutCheck() {
		List<LinearKindModel.Example> examples = wordsOnly(10, 1);
		LinearKindModel model = LinearKindModel.train(examples, LinearKindModel.Settings.DEFAULT);
		assertThat(model.classes()).containsExactly("BUG", "QUESTION");
		KindPrediction p = model.predict(noise(new Random(9)), "the scanner beeps again");
		assertThat(p.label()).isEqualTo("BUG");
		assertThat(p.confidence()).isGreaterThan(0.5);
		// a general model that says OTHER for everything
		List<String> general = examples.stream().map(e -> "OTHER").toList();
		var result = HeldOutCheck.run(examples, general, LinearKindModel.Settings.DEFAULT, 5, 20,
				List.of("BUG", "QUESTION", "OTHER"));
		assertThat(result.product().accuracy()).isEqualTo(1.0);
		assertThat(result.general().accuracy()).isZero();
		assertThat(result.productWins()).isTrue();
		// the same general model when it is right every time: a tie keeps it
		var tie = HeldOutCheck.run(examples, examples.stream().map(LinearKindModel.Example::label).toList(),
				LinearKindModel.Settings.DEFAULT, 5, 20, List.of("BUG", "QUESTION"));
		assertThat(tie.productWins()).isFalse();
		assertThatThrownBy(() -> LinearKindModel.train(examples.subList(0, 1), LinearKindModel.Settings.DEFAULT))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void foldsAreStratifiedAndFixedBySeed() {
		List<LinearKindModel.Example> examples = wordsOnly(10, 2);
		int[] a = HeldOutCheck.folds(examples, 5, 7);
		assertThat(HeldOutCheck.folds(examples, 5, 7)).containsExactly(a);
		int[] perFold = new int[5];
		for (int i = 0; i < a.length; i++) {
			if (examples.get(i).label().equals("BUG")) {
				perFold[a[i]]++;
			}
		}
		assertThat(perFold).containsOnly(2);
	}

}
