package dev.priora.feedback.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The kind model's character n-grams and title words, its settings and their choice by
 * cross-validation, and the exact vector scan that answers while an index is built.
 */
class KindSettingsAndScanTest {

	@Test
	void characterGramsAreTakenInsideWordsAndTitleWordsCountTwice() {
		var grams = HashedTfIdf.counts("Exports", HashedTfIdf.Terms.CHARS);
		assertThat(grams).containsKeys(HashedTfIdf.bucket("# ex"), HashedTfIdf.bucket("#exp"),
				HashedTfIdf.bucket("#orts "), HashedTfIdf.bucket("#ts "));
		assertThat(grams).doesNotContainKey(HashedTfIdf.bucket("#exports"));
		var words = HashedTfIdf.counts("Crash on save\nThe crash happens", HashedTfIdf.Terms.WORDS);
		assertThat(words).containsEntry(HashedTfIdf.bucket("crash"), 2)
			.containsEntry(HashedTfIdf.bucket("title crash"), 1)
			.doesNotContainKey(HashedTfIdf.bucket("title happens"));
		assertThat(HashedTfIdf.counts("one line only", HashedTfIdf.Terms.WORDS))
			.doesNotContainKey(HashedTfIdf.bucket("title one"));
	}

	@Test
	void settingsAreStoredAsTextAndRefuseNonsense() {
		var s = new LinearKindModel.Settings(30, 0.5, 1, 0.5);
		assertThat(s.format()).isEqualTo("C=30;vector=0.5;words=1;chars=0.5");
		assertThat(LinearKindModel.Settings.parse(s.format())).isEqualTo(s);
		assertThat(LinearKindModel.Settings.parse(null)).isEqualTo(LinearKindModel.Settings.DEFAULT);
		assertThat(LinearKindModel.Settings.parse("C=10;vector=0.5;words=1"))
			.isEqualTo(LinearKindModel.Settings.DEFAULT);
		assertThatThrownBy(() -> new LinearKindModel.Settings(0, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
		assertThat(LinearKindModel.Settings.GRID.get(0)).isEqualTo(LinearKindModel.Settings.DEFAULT);
	}

	@Test
	void theSearchPicksTheBestCrossValidatedSettingsDeterministically() {
		Random random = new Random(3);
		List<LinearKindModel.Example> examples = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			// told apart by a word stem only character n-grams share across inflections
			examples.add(new LinearKindModel.Example("BUG", noise(random), "crashing" + i + " crashed" + i));
			examples.add(new LinearKindModel.Example("QUESTION", noise(random), "wondering" + i + " wonders" + i));
		}
		var choice = SettingsSearch.choose(examples, 4, 20, List.of("BUG", "QUESTION"));
		assertThat(choice.scores()).hasSize(LinearKindModel.Settings.GRID.size());
		double best = choice.scores().values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
		assertThat(choice.scores().get(choice.settings())).isEqualTo(best);
		assertThat(choice.settings().charsWeight()).isPositive();
		assertThat(SettingsSearch.choose(examples, 4, 20, List.of("BUG", "QUESTION")).settings())
			.isEqualTo(choice.settings());
		LinearKindModel model = LinearKindModel.train(examples, choice.settings());
		assertThat(model.settings()).isEqualTo(choice.settings());
		assertThat(model.predict(noise(random), "it crashes").label()).isEqualTo("BUG");
	}

	@Test
	void theScanFindsTheExactNearestVectorsLeavingOutTheExcluded() {
		Random random = new Random(5);
		VectorScan.Builder builder = VectorScan.builder();
		List<float[]> vectors = new ArrayList<>();
		for (int i = 0; i < 500; i++) {
			float[] v = noise(random);
			vectors.add(v);
			builder.add("F" + i, v);
		}
		builder.add("I0", null);
		VectorScan scan = builder.build();
		assertThat(scan.size()).isEqualTo(500);
		float[] query = vectors.get(42);
		var matches = scan.similar(new SimilarityIndex.Query("", "", query, 3, Set.of()));
		assertThat(matches.get(0).id()).isEqualTo("F42");
		assertThat(matches.get(0).semantic()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.02));
		assertThat(matches.get(0).lexical()).isZero();
		int exact = nearestOtherThan(vectors, query, 42);
		var without = scan.similar(new SimilarityIndex.Query("", "", query, 1, Set.of("F42")));
		assertThat(without).extracting(SimilarityIndex.Match::id).containsExactly("F" + exact);
		assertThat(scan.similar(new SimilarityIndex.Query("words", "", null, 3, Set.of()))).isEmpty();
		assertThatThrownBy(() -> VectorScan.builder().add("a", new float[2]).add("b", new float[3]))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void vectorsAddedFromTheirStoredCodesAnswerAsTheFloatsDoUnderTheirIds() {
		Random random = new Random(7);
		VectorScan.Builder floats = VectorScan.builder();
		VectorScan.Builder bytes = VectorScan.builder();
		List<float[]> vectors = new ArrayList<>();
		for (int i = 0; i < 2 * 4096 + 17; i++) {
			float[] v = noise(random);
			vectors.add(v);
			String prefix = i % 3 == 0 ? "I" : "F";
			floats.add(prefix + i, v);
			bytes.addCodes(prefix, i, VectorScan.codes(v));
		}
		bytes.addCodes("F", 99_999, null);
		VectorScan fromFloats = floats.build();
		VectorScan fromBytes = bytes.build();
		assertThat(fromBytes.size()).isEqualTo(vectors.size());
		for (int probe : new int[] { 3, 4100, 8200 }) {
			var query = new SimilarityIndex.Query("", "", vectors.get(probe), 5, Set.of());
			String expected = (probe % 3 == 0 ? "I" : "F") + probe;
			assertThat(fromBytes.similar(query).get(0).id()).isEqualTo(expected);
			assertThat(fromBytes.similar(query)).isEqualTo(fromFloats.similar(query));
		}
		VectorScan named = VectorScan.builder().add("x07", vectors.get(7)).add("odd id", vectors.get(8)).build();
		assertThat(named.similar(new SimilarityIndex.Query("", "", vectors.get(7), 1, Set.of())))
			.extracting(SimilarityIndex.Match::id)
			.containsExactly("x07");
		assertThat(named.similar(new SimilarityIndex.Query("", "", vectors.get(8), 1, Set.of())))
			.extracting(SimilarityIndex.Match::id)
			.containsExactly("odd id");
	}

	private static int nearestOtherThan(List<float[]> vectors, float[] q, int self) {
		int best = -1;
		double bestDot = -2;
		for (int i = 0; i < vectors.size(); i++) {
			double dot = 0;
			for (int d = 0; d < q.length; d++) {
				dot += vectors.get(i)[d] * q[d];
			}
			if (i != self && dot > bestDot) {
				best = i;
				bestDot = dot;
			}
		}
		return best;
	}

	private static float[] noise(Random random) {
		float[] v = new float[32];
		double n = 0;
		for (int i = 0; i < v.length; i++) {
			v[i] = (float) random.nextGaussian();
			n += v[i] * v[i];
		}
		for (int i = 0; i < v.length; i++) {
			v[i] = (float) (v[i] / Math.sqrt(n));
		}
		return v;
	}

}
