package dev.priora.refinement.estimates.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class EstimateSuggesterTest {

	private static final List<BigDecimal> SCALE = scale(1, 2, 3, 5, 8, 13);

	/** Three neighbours vote; the median of the history joins them. */
	private static final EstimateSuggester SUGGESTER = new EstimateSuggester(
			new EstimateSuggester.Tuning(3, 0.05, 0.5, 1.0, 5));

	/**
	 * Four small items (2) alike in dimension 0, four large (8) in dimension 1, four
	 * medium (3) in dimension 2; ids 1–4, 11–14, 21–24.
	 */
	private static History clusters() {
		List<Example> examples = new ArrayList<>();
		for (int i = 1; i <= 4; i++) {
			examples.add(example(i, 2, near(0, i)));
			examples.add(example(10 + i, 8, near(1, i)));
			examples.add(example(20 + i, 3, near(2, i)));
		}
		return new History(SCALE, examples);
	}

	@Test
	void suggestsTheEstimateOfTheMostSimilarItemsWithTheirIds() {
		Suggestion s = SUGGESTER.suggest(clusters(), unit(8, 0), Long.MIN_VALUE).orElseThrow();

		assertThat(s.estimate()).isEqualByComparingTo("2");
		assertThat(s.low()).isEqualByComparingTo("2");
		assertThat(s.high()).isEqualByComparingTo("2");
		assertThat(s.basis()).extracting(Neighbour::id).hasSize(3).allMatch(id -> id >= 1 && id <= 4);
		assertThat(s.basis().get(0).similarity()).isGreaterThan(0.95);
		assertThat(s.confidence()).isEqualTo(1.0);
	}

	@Test
	void fallsBackToTheMedianWhenNothingIsSimilar() {
		// orthogonal to every item: the median (3 of 2,2,2,2,3,3,3,3,8,8,8,8) outweighs
		Suggestion s = SUGGESTER.suggest(clusters(), unit(8, 3), Long.MIN_VALUE).orElseThrow();

		assertThat(s.estimate()).isEqualByComparingTo("3");
		assertThat(s.confidence()).isZero();
	}

	@Test
	void theRangeSpansTheNeighboursAndHoldsTheEstimate() {
		List<Example> examples = new ArrayList<>(clusters().examples());
		examples.add(example(31, 2, unit(8, 3)));
		examples.add(example(32, 3, unit(8, 3)));
		examples.add(example(33, 5, unit(8, 3)));
		Suggestion s = SUGGESTER.suggest(new History(SCALE, examples), unit(8, 3), Long.MIN_VALUE).orElseThrow();

		assertThat(s.basis()).extracting(Neighbour::id).containsExactly(31L, 32L, 33L);
		assertThat(s.estimate()).isEqualByComparingTo("3");
		assertThat(s.low()).isEqualByComparingTo("2");
		assertThat(s.high()).isEqualByComparingTo("5");
		// all three within one step of 3 on 1, 2, 3, 5, 8, 13, and identical texts
		assertThat(s.confidence()).isEqualTo(1.0);
	}

	@Test
	void snapsToTheNearestValueOfTheScaleTheLowerOnATie() {
		List<Example> near6 = new ArrayList<>();
		List<Example> near4 = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			near6.add(example(i, 6, unit(2, 0)));
			near4.add(example(i, 4, unit(2, 0)));
		}
		assertThat(SUGGESTER.suggest(new History(SCALE, near6), unit(2, 0), Long.MIN_VALUE).orElseThrow().estimate())
			.isEqualByComparingTo("5");
		assertThat(SUGGESTER.suggest(new History(SCALE, near4), unit(2, 0), Long.MIN_VALUE).orElseThrow().estimate())
			.isEqualByComparingTo("3");
	}

	@Test
	void leavesTheItemItselfOutAndSuggestsNothingFromTooFewItems() {
		List<Example> five = clusters().examples().subList(0, 5);
		History history = new History(SCALE, five);

		assertThat(SUGGESTER.suggest(history, unit(8, 0), Long.MIN_VALUE)).isPresent();
		assertThat(SUGGESTER.suggest(history, five.get(0).vector(), five.get(0).id())).isEmpty();
		assertThat(SUGGESTER.suggest(new History(SCALE, five.subList(0, 4)), unit(8, 0), Long.MIN_VALUE)).isEmpty();
		assertThat(SUGGESTER.accuracy(new History(SCALE, five.subList(0, 4)))).isEmpty();
	}

	@Test
	void leaveOneOutAccuracyOfAHistoryWhereSimilarItemsAgree() {
		// ids 1–3 estimated 2, 11–13 estimated 8, each group alike
		List<Example> examples = new ArrayList<>();
		for (int i = 1; i <= 3; i++) {
			examples.add(example(i, 2, near(0, i)));
			examples.add(example(10 + i, 8, near(1, i)));
		}
		Accuracy a = SUGGESTER.accuracy(new History(SCALE, examples)).orElseThrow();

		// each item is suggested from its group exactly; the median of the other five is
		// the other group's estimate, 6 off
		assertThat(a.items()).isEqualTo(6);
		assertThat(a.mae()).isZero();
		assertThat(a.mdae()).isZero();
		assertThat(a.median()).isEqualByComparingTo("2");
		assertThat(a.medianMae()).isEqualTo(6.0);
		assertThat(a.medianMdae()).isEqualTo(6.0);
		assertThat(a.beatsMedian()).isTrue();
	}

	@Test
	void leaveOneOutAccuracyOfAHistoryWhereSimilarItemsDisagree() {
		// five pairs of alike texts (cosine 0.96) estimated 1 and 13 (ids i and 10 + i),
		// four
		// unrelated items estimated 1 (ids 21–24)
		List<Example> examples = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			examples.add(example(i, 1, unit(14, i)));
			float[] twin = unit(14, i);
			twin[9 + i] = 0.3f;
			examples.add(example(10 + i, 13, twin));
		}
		for (int i = 0; i < 4; i++) {
			examples.add(example(21 + i, 1, unit(14, 5 + i)));
		}
		EstimateSuggester nearestOnly = new EstimateSuggester(new EstimateSuggester.Tuning(1, 0.05, 0.5, 1.0, 5));
		Accuracy a = nearestOnly.accuracy(new History(SCALE, examples)).orElseThrow();

		// a pair's item gets its twin's estimate, 12 off; an unrelated one the median of
		// the others, 1; the median misses only the 13s
		assertThat(a.items()).isEqualTo(14);
		assertThat(a.mae()).isCloseTo(120.0 / 14, within(1e-9));
		assertThat(a.medianMae()).isCloseTo(60.0 / 14, within(1e-9));
		assertThat(a.beatsMedian()).isFalse();
	}

	@Test
	void leaveOneOutLeavesCopiesOfTheItemOutWithIt() {
		// six texts stored twice each, with the same estimate: 1 for the even ones, 13
		// for
		// the odd ones; nothing else is alike
		List<Example> examples = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			examples.add(example(i, i % 2 == 0 ? 1 : 13, unit(6, i)));
			examples.add(example(10 + i, i % 2 == 0 ? 1 : 13, unit(6, i)));
		}
		Accuracy a = SUGGESTER.accuracy(new History(SCALE, examples)).orElseThrow();

		// without its copy, an item has only unrelated ones: the median of the other ten
		// (four of its kind, six of the other) is the other kind's estimate, 12 off
		assertThat(a.mae()).isEqualTo(12.0);
		assertThat(a.medianMae()).isEqualTo(12.0);
		assertThat(a.beatsMedian()).isFalse();
	}

	@Test
	void refusesAScaleThatIsNotAscendingAndAnExampleWithoutAVector() {
		assertThatThrownBy(() -> new History(scale(1, 3, 2), List.of())).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("ascending");
		assertThatThrownBy(() -> new Example(1, new float[0], BigDecimal.ONE))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private static Example example(long id, int estimate, float[] vector) {
		return new Example(id, vector, BigDecimal.valueOf(estimate));
	}

	/** A unit vector of {@code dims} dimensions along {@code axis}. */
	private static float[] unit(int dims, int axis) {
		float[] v = new float[dims];
		v[axis] = 1;
		return v;
	}

	/**
	 * Along {@code axis} (0–2) of 8 dimensions, and a little along a dimension of its own
	 * for each {@code i} (1–4): items of one axis are alike (cosine 0.92), not copies.
	 */
	private static float[] near(int axis, int i) {
		float[] v = unit(8, axis);
		v[3 + i] = 0.3f;
		return v;
	}

	private static List<BigDecimal> scale(int... values) {
		return java.util.Arrays.stream(values).mapToObj(BigDecimal::valueOf).toList();
	}

}
