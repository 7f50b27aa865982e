package dev.priora.planning.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.priora.planning.engine.ReleaseOptimizer.Problem;
import dev.priora.planning.engine.ReleaseOptimizer.ValueMode;

class ReleaseOptimizerTest {

	private static final int F = Problem.FREE;

	private static Problem problem(long[] value, int[] pin, ValueMode mode, long[] profit, int[][] asked) {
		// items: 0 (5 pts), 1 (3 pts), 2 (4 pts, waits on 0), 3 (6 pts); two releases of
		// 8 points
		return new Problem(new long[] { 50, 30, 40, 60 }, value, new int[] { 2 }, new int[] { 0 }, profit, asked,
				new long[] { 80, 80 }, 0.5, mode, pin, new String[] { "A", "B", "C", "D" },
				new String[] { "R1", "R2" });
	}

	@Test
	void picksTheMostValuableSetAndPutsPrerequisitesFirst() {
		Problem p = problem(new long[] { 1, 6, 10, 7 }, new int[] { F, F, F, F }, ValueMode.ITEM, new long[0],
				new int[0][]);
		var plan = ReleaseOptimizer.solve(p, 5, 2, (v, b, s) -> {
		}, () -> false);
		assertThat(plan.optimal()).isTrue();
		assertThat(plan.release()[2]).isGreaterThanOrEqualTo(plan.release()[0]);
		assertThat(plan.release()[0]).isNotNegative();
		assertThat(plan.value()).isEqualTo(ReleaseOptimizer.valueOf(p, plan.release()));
		int[] rank = ReleaseOptimizer.rankOrder(p, new int[] { 0, 1, 2, 3 });
		assertThat(ReleaseOptimizer.valueOf(p, rank)).isLessThanOrEqualTo(plan.value());
	}

	@Test
	void countsACustomerOnlyWhenAllItAskedForIsPlanned() {
		Problem p = problem(new long[4], new int[] { F, F, F, F }, ValueMode.CUSTOMER, new long[] { 10, 9 },
				new int[][] { { 1, 3 }, { 2 } });
		var plan = ReleaseOptimizer.solve(p, 5, 2, (v, b, s) -> {
		}, () -> false);
		assertThat(plan.optimal()).isTrue();
		// B + D (9 points) do not fit one release of 8: B and D in the two releases
		// satisfy the first customer at
		// half value (5); the second customer (A, then C) would give 4.5, and both
		// together do not fit
		assertThat(plan.release()[1]).isNotNegative();
		assertThat(plan.release()[3]).isNotNegative();
		assertThat(plan.value()).isEqualTo(5);
	}

	@Test
	void explainsPinsThatCannotHold() {
		Problem p = problem(new long[] { 1, 1, 1, 1 }, new int[] { Problem.OUT, F, Problem.IN, F }, ValueMode.ITEM,
				new long[0], new int[0][]);
		var plan = ReleaseOptimizer.solve(p, 5, 2, (v, b, s) -> {
		}, () -> false);
		assertThat(plan.infeasible()).containsExactly("C is pinned in but its prerequisite A is pinned out");
		Problem tooBig = problem(new long[] { 1, 1, 1, 1 }, new int[] { 0, 0, 0, F }, ValueMode.ITEM, new long[0],
				new int[0][]);
		assertThat(ReleaseOptimizer.solve(tooBig, 5, 2, (v, b, s) -> {
		}, () -> false).infeasible()).containsExactly("the items pinned to R1 need 12.0 of capacity; it has 8.0");
	}

}
