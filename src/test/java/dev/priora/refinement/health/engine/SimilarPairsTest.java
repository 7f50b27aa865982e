package dev.priora.refinement.health.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SimilarPairsTest {

	private static final float[] X = { 1, 0, 0 };

	private static final float[] NEAR_X = { 0.95f, 0.3122f, 0 };

	private static final float[] Y = { 0, 1, 0 };

	@Test
	void findsPairsAtLeastTheThresholdAlikeMostAlikeFirst() {
		List<SimilarPairs.Pair> pairs = SimilarPairs.within(List.of(X, Y, NEAR_X, new float[] { 2, 0, 0 }), 0.9, 10);
		assertThat(pairs).extracting(p -> p.a() + "-" + p.b()).containsExactly("0-3", "0-2", "2-3");
		assertThat(pairs.get(0).similarity()).isEqualTo(1.0);
		assertThat(pairs.get(1).similarity()).isBetween(0.94, 0.96);
	}

	@Test
	void comparesTwoListsAndKeepsTheLimit() {
		var pairs = SimilarPairs.between(List.of(Y, X), List.of(NEAR_X, X, new float[] { 0, 0, 0 }), 0.5, 1);
		assertThat(pairs).containsExactly(new SimilarPairs.Pair(1, 1, 1.0));
		assertThat(SimilarPairs.between(List.of(Y), List.of(X), 0.5, 5)).isEmpty();
	}

}
