package dev.priora.planning.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class LocalSearchTest {

	@Test
	void keepsCustomersFixedInAndLeavesThoseFixedOutWithinTheBudget() {
		SplittableRandom random = new SplittableRandom(11);
		int checked = 0;
		for (int round = 0; round < 200; round++) {
			NrpInstance in = RandomNrp.next(random, 10);
			long budget = in.totalCost() * (3 + random.nextInt(5)) / 10;
			ReducedNrp r = ReducedNrp.of(in, budget);
			int k = r.customers().size();
			if (k < 2) {
				continue;
			}
			// fix one customer in (it fits alone) and one other out
			int[] fixed = new int[k];
			int in1 = random.nextInt(k);
			int out = (in1 + 1 + random.nextInt(k - 1)) % k;
			fixed[in1] = 1;
			fixed[out] = -1;
			boolean[] start = new boolean[k];
			java.util.Arrays.fill(start, true);
			boolean[] plan = LocalSearch.improve(r, budget, start, fixed, 20, round);
			assertThat(plan[in1]).as("round " + round).isTrue();
			assertThat(plan[out]).as("round " + round).isFalse();
			assertThat(cost(r, plan)).as("round " + round).isLessThanOrEqualTo(budget);
			checked++;
		}
		assertThat(checked).isGreaterThan(100);
	}

	private static long cost(ReducedNrp r, boolean[] plan) {
		boolean[] needed = new boolean[r.unitCost().length];
		long cost = 0;
		for (int c = 0; c < plan.length; c++) {
			for (int u : plan[c] ? r.customers().get(c) : new int[0]) {
				cost += needed[u] ? 0 : r.unitCost()[u];
				needed[u] = true;
			}
		}
		return cost;
	}

}
