package dev.priora.dependencies.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CriticalPathTest {

	@Test
	void findsTheChainWithTheLargestEstimateAndRanksBlockersByDownstreamValue() {
		// 0 → 1 → 3 (3 + 5 + 2 = 10) and 0 → 2 → 3 (3 + 1 + 2 = 6); 4 waits on 2
		double[] estimate = { 3, 5, 1, 2, Double.NaN };
		double[] value = { 0, 1, 1, 10, 4 };
		int[] waitsOn = { 1, 2, 3, 3, 4 };
		int[] prerequisite = { 0, 0, 1, 2, 2 };
		var r = CriticalPath.of(new CriticalPath.Input(estimate, value, waitsOn, prerequisite), 10);
		assertThat(r.path()).containsExactly(0, 1, 3);
		assertThat(r.total()).isEqualTo(10);
		assertThat(r.blockers()).extracting(CriticalPath.Blocker::item).containsExactly(0, 2, 1);
		assertThat(r.blockers().get(0).downstream()).isEqualTo(4);
		assertThat(r.blockers().get(0).downstreamValue()).isEqualTo(16);
	}

	@Test
	void namesUnestimatedItemsOnThePathAndRefusesCycles() {
		var r = CriticalPath.of(
				new CriticalPath.Input(new double[] { Double.NaN, 2 }, new double[2], new int[] { 1 }, new int[] { 0 }),
				5);
		assertThat(r.path()).containsExactly(0, 1);
		assertThat(r.unestimated()).containsExactly(0);
		assertThat(CriticalPath
			.of(new CriticalPath.Input(new double[2], new double[2], new int[] { 0, 1 }, new int[] { 1, 0 }), 5)
			.cyclic()).isTrue();
	}

	@Test
	void laysPrerequisitesOutInEarlierLayers() {
		var layout = LayeredLayout.of(4, new int[] { 1, 2, 3 }, new int[] { 0, 1, 0 });
		assertThat(layout.column()).containsExactly(0, 1, 2, 1);
		assertThat(layout.layers()).isEqualTo(3);
		assertThat(layout.height()).isEqualTo(2);
	}

}
