package dev.priora.dependencies.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class PriorityOrderTest {

	private static int[] order(double[] score, boolean[] pinned, int[] waitsOn, int[] prerequisite) {
		var r = PriorityOrder.order(new PriorityOrder.Input(score, pinned, waitsOn, prerequisite));
		assertThat(r.complete()).isTrue();
		return r.order();
	}

	@Test
	void sortsByScoreButNeverAboveAnUnfinishedPrerequisite() {
		// item 2 scores highest but waits on item 0, which scores lowest
		int[] o = order(new double[] { 1, 5, 9, 7 }, new boolean[4], new int[] { 2 }, new int[] { 0 });
		assertThat(o).containsExactly(3, 1, 0, 2);
	}

	@Test
	void tiesAndUnscoredItemsKeepTheirCurrentOrder() {
		int[] o = order(new double[] { Double.NaN, 3, 3, Double.NaN, 4 }, new boolean[5], new int[0], new int[0]);
		assertThat(o).containsExactly(4, 1, 2, 0, 3);
	}

	@Test
	void pinnedItemsKeepTheirPlaceUnlessAPrerequisiteMustComeFirst() {
		boolean[] pinned = { false, true, false, false };
		assertThat(order(new double[] { 1, 0, 5, 3 }, pinned, new int[0], new int[0])).containsExactly(2, 1, 3, 0);
		// pinned item 1 waits on item 0 (lowest score): it slides down to just after it
		assertThat(order(new double[] { 1, 0, 5, 3 }, pinned, new int[] { 1 }, new int[] { 0 })).containsExactly(2, 3,
				0, 1);
	}

	@Test
	void reportsTheItemsOfACycle() {
		var r = PriorityOrder.order(new PriorityOrder.Input(new double[] { 1, 2, 3 }, new boolean[3],
				new int[] { 0, 1 }, new int[] { 1, 0 }));
		assertThat(r.complete()).isFalse();
		assertThat(r.order()).containsExactly(2);
		assertThat(r.cycle()).containsExactly(0, 1);
	}

	@Test
	void everyPrerequisiteComesFirstInALargeRandomGraph() {
		SplittableRandom random = new SplittableRandom(7);
		int n = 5000;
		int e = 15000;
		int[] w = new int[e];
		int[] p = new int[e];
		for (int k = 0; k < e; k++) {
			int a = random.nextInt(n);
			int b = random.nextInt(n);
			w[k] = Math.max(a, b);
			p[k] = Math.min(a, b) == Math.max(a, b) ? (Math.max(a, b) + 1) % n : Math.min(a, b);
			if (p[k] > w[k]) {
				int t = p[k];
				p[k] = w[k];
				w[k] = t;
			}
		}
		double[] score = random.doubles(n).toArray();
		int[] o = order(score, new boolean[n], w, p);
		int[] pos = new int[n];
		for (int i = 0; i < n; i++) {
			pos[o[i]] = i;
		}
		for (int k = 0; k < e; k++) {
			if (w[k] != p[k]) {
				assertThat(pos[p[k]]).isLessThan(pos[w[k]]);
			}
		}
	}

}
