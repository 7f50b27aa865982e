package dev.priora.planning.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class BudgetRelaxationTest {

	/**
	 * One random reduced instance with every plan enumerated: {@code value[mask]} of the
	 * customers in {@code mask}, whether they {@code fit} the budget, the
	 * {@code optimum}, and a {@code known} value a little below it (as a search would
	 * have found).
	 */
	private record Round(int number, ReducedNrp r, long budget, long[] value, boolean[] fits, long optimum,
			long known) {

		int customers() {
			return r.customers().size();
		}

		boolean has(int mask, int customer) {
			return (mask >> customer & 1) == 1;
		}

	}

	/** 300 instances of 12 customers from seed 7, the same for every test. */
	private static List<Round> rounds() {
		SplittableRandom random = new SplittableRandom(7);
		List<Round> rounds = new ArrayList<>();
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
			rounds.add(new Round(round, r, budget, value, fits, optimum, Math.max(0, optimum - random.nextInt(4))));
		}
		return rounds;
	}

	private static BudgetRelaxation.Bounds bounds(Round t) {
		return BudgetRelaxation.bounds(t.r(), t.budget(), t.known(), () -> false);
	}

	@Test
	void theBoundsAreNeverBelowAPlanThatFitsWithOrWithoutEachCustomer() {
		for (Round t : rounds()) {
			BudgetRelaxation.Bounds bounds = bounds(t);
			assertThat(bounds.root()).as("round " + t.number()).isGreaterThanOrEqualTo(t.optimum());
			for (int mask = 0; mask < 1 << t.customers(); mask++) {
				for (int c = 0; c < t.customers() && t.fits()[mask]; c++) {
					long bound = t.has(mask, c) ? bounds.with()[c] : bounds.without()[c];
					assertThat(bound).as("round %d customer %d", t.number(), c).isGreaterThanOrEqualTo(t.value()[mask]);
				}
			}
		}
	}

	@Test
	void aRelaxationStoppedAtOnceStillBoundsButFixesNothing() {
		for (Round t : rounds()) {
			BudgetRelaxation.Bounds stopped = BudgetRelaxation.bounds(t.r(), t.budget(), t.known(), () -> true);
			assertThat(stopped.root()).as("round " + t.number()).isGreaterThanOrEqualTo(t.optimum());
			assertThat(stopped.against(t.known()).count()).as("round " + t.number()).isZero();
		}
	}

	@Test
	void everyPlanBetterThanTheKnownOneObeysTheFixings() {
		int fixings = 0;
		int hopeless = 0;
		for (Round t : rounds()) {
			BudgetRelaxation.Bounds bounds = bounds(t);
			// the fixings against a value a little below the optimum, at it and above it
			for (long against = t.known(); against <= t.optimum() + 1; against++) {
				BudgetRelaxation.Fixing fixing = bounds.against(against);
				if (fixing.nothingBetter()) {
					assertThat(t.optimum()).as("round " + t.number()).isLessThanOrEqualTo(against);
				}
				for (int mask = 0; mask < 1 << t.customers(); mask++) {
					if (t.fits()[mask] && t.value()[mask] > against) {
						for (int c = 0; c < t.customers(); c++) {
							int f = fixing.fixed()[c];
							assertThat(f == 0 || (f > 0) == t.has(mask, c)).as("round %d customer %d", t.number(), c)
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
