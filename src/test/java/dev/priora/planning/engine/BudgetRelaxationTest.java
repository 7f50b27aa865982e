package dev.priora.planning.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class BudgetRelaxationTest {

	@Test
	void everyPlanBetterThanTheKnownOneObeysTheFixingsAndTheBound() {
		SplittableRandom random = new SplittableRandom(7);
		int fixings = 0;
		int hopeless = 0;
		for (int round = 0; round < 300; round++) {
			NrpInstance in = RandomNrp.next(random, 12);
			long budget = in.totalCost() * (2 + random.nextInt(6)) / 10;
			ReducedNrp r = ReducedNrp.of(in, budget);
			int k = r.customers().size();
			long[] value = new long[1 << k];
			boolean[] fits = new boolean[1 << k];
			long optimum = 0;
			for (int mask = 0; mask < 1 << k; mask++) {
				boolean[] needed = new boolean[r.unitCost().length];
				long cost = 0;
				for (int c = 0; c < k; c++) {
					if ((mask >> c & 1) == 1) {
						value[mask] += r.profit()[c];
						for (int u : r.customers().get(c)) {
							cost += needed[u] ? 0 : r.unitCost()[u];
							needed[u] = true;
						}
					}
				}
				fits[mask] = cost <= budget;
				optimum = fits[mask] ? Math.max(optimum, value[mask]) : optimum;
			}
			long known = Math.max(0, optimum - random.nextInt(4));
			BudgetRelaxation.Bounds bounds = BudgetRelaxation.bounds(r, budget, known, () -> false);
			assertThat(bounds.root()).as("round " + round).isGreaterThanOrEqualTo(optimum);
			// stopped at once: the LP bound still, and no fixing it cannot prove
			BudgetRelaxation.Bounds stopped = BudgetRelaxation.bounds(r, budget, known, () -> true);
			assertThat(stopped.root()).isGreaterThanOrEqualTo(optimum);
			assertThat(stopped.against(known).count()).isZero();
			for (int mask = 0; mask < 1 << k; mask++) {
				for (int c = 0; c < k && fits[mask]; c++) {
					long bound = ((mask >> c & 1) == 1) ? bounds.with()[c] : bounds.without()[c];
					assertThat(bound).as("round %d customer %d", round, c).isGreaterThanOrEqualTo(value[mask]);
				}
			}
			// the fixings against a value a little below the optimum, at it and above it
			for (long against = known; against <= optimum + 1; against++) {
				BudgetRelaxation.Fixing fixing = bounds.against(against);
				if (fixing.nothingBetter()) {
					assertThat(optimum).as("round " + round).isLessThanOrEqualTo(against);
				}
				for (int mask = 0; mask < 1 << k; mask++) {
					if (fits[mask] && value[mask] > against) {
						for (int c = 0; c < k; c++) {
							int f = fixing.fixed()[c];
							assertThat(f == 0 || (f > 0) == ((mask >> c & 1) == 1)).as("round %d customer %d", round, c)
								.isTrue();
						}
					}
				}
				fixings += fixing.count();
				hopeless += fixing.nothingBetter() ? 1 : 0;
			}
		}
		// the check above is not vacuous: the relaxation does fix customers
		assertThat(fixings).isGreaterThan(1000);
		assertThat(hopeless).isGreaterThan(200);
	}

}
