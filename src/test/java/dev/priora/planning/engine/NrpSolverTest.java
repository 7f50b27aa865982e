package dev.priora.planning.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class NrpSolverTest {

	@Test
	void readsTheFileFormatAndNamesTheLineOfAnError() {
		NrpInstance in = NrpParser.parse("2\n2\n3 4\n1\n5\n1\n1 2\n2\n10 1 3\n7 2 1 2\n");
		assertThat(in.cost()).containsExactly(3, 4, 5);
		assertThat(in.prerequisite()).containsExactly(0);
		assertThat(in.dependent()).containsExactly(1);
		assertThat(in.requests()[1]).containsExactly(0, 1);
		assertThatThrownBy(() -> NrpParser.parse("1\n2\n3 x\n")).hasMessage("line 3: 'x' is not a whole number");
		assertThatThrownBy(() -> NrpParser.parse("1\n2\n3 4\n1\n1 9\n0\n"))
			.hasMessage("line 5: a requirement id must be from 1 to 2, was 9");
		assertThatThrownBy(() -> NrpParser.parse("1\n2\n3 4\n0\n2\n5 1 1\n"))
			.hasMessageContaining("the file ends where customer 2's profit was expected");
	}

	@Test
	void computesTheBudgetExactly() {
		NrpInstance in = new NrpInstance(new int[] { 10700 }, new int[0], new int[0], new long[0], new int[0][]);
		assertThat(in.budget(new java.math.BigDecimal("0.7"))).isEqualTo(7490);
	}

	@Test
	void findsTheOptimumOfRandomSmallInstancesProvenAgainstEnumeration() {
		SplittableRandom random = new SplittableRandom(42);
		for (int round = 0; round < 25; round++) {
			NrpInstance in = RandomNrp.next(random, 10);
			long budget = in.totalCost() * (2 + random.nextInt(6)) / 10;
			var r = NrpSolver.solve(in, budget, NrpSolver.Settings.defaults(10), NrpSolver.Progress.NONE, () -> false);
			assertThat(r.optimal()).isTrue();
			assertThat(r.objective()).as("round " + round).isEqualTo(bruteForce(in, budget));
			assertThat(r.cost()).isLessThanOrEqualTo(budget);
			assertThat(r.greedyObjective()).isLessThanOrEqualTo(r.objective());
		}
	}

	private static long bruteForce(NrpInstance in, long budget) {
		BitSet[] closures = ReducedNrp.closures(in);
		long best = 0;
		for (int mask = 0; mask < 1 << in.customers(); mask++) {
			BitSet needed = new BitSet();
			long value = 0;
			for (int c = 0; c < in.customers(); c++) {
				if ((mask >> c & 1) == 1) {
					needed.or(closures[c]);
					value += in.profit()[c];
				}
			}
			long cost = needed.stream().mapToLong(i -> in.cost()[i]).sum();
			if (cost <= budget) {
				best = Math.max(best, value);
			}
		}
		return best;
	}

}
