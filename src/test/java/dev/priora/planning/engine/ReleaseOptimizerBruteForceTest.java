package dev.priora.planning.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.priora.planning.engine.ReleaseOptimizer.Problem;
import dev.priora.planning.engine.ReleaseOptimizer.ValueMode;

/**
 * The release optimizer against enumeration of every assignment on small random
 * instances: several releases, prerequisites, pins, a discount, item and customer value.
 * The plan must hold every rule, be proven optimal, and be worth exactly the best
 * assignment.
 */
class ReleaseOptimizerBruteForceTest {

	@ParameterizedTest
	@ValueSource(ints = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 })
	void matchesEnumerationOnRandomInstances(int seed) {
		for (ValueMode mode : List.of(ValueMode.CUSTOMER, ValueMode.ITEM)) {
			Problem p = random(new Random(seed), mode, seed % 4 == 0);
			var plan = ReleaseOptimizer.solve(p, 10, 2, (v, b, s) -> {
			}, () -> false);
			long best = best(p);
			assertThat(plan.infeasible()).as("seed %d %s", seed, mode).isEmpty();
			assertThat(plan.optimal()).as("seed %d %s", seed, mode).isTrue();
			assertThat(feasible(p, plan.release())).as("seed %d %s", seed, mode).isTrue();
			assertThat(ReleaseOptimizer.valueOf(p, plan.release())).as("seed %d %s", seed, mode).isEqualTo(best);
			assertThat(plan.value()).isEqualTo(best);
			assertThat(plan.bound()).isEqualTo(best);
		}
	}

	/**
	 * 6 or 7 items (costs 10 to 60), 1 to 3 releases of room for about a third of them,
	 * prerequisites among earlier items, up to 4 customers asking for 1 to 3 items each,
	 * and with {@code pins} an item pinned in and one pinned out.
	 */
	private static Problem random(Random random, ValueMode mode, boolean pins) {
		int n = 6 + random.nextInt(2);
		int r = 1 + random.nextInt(3);
		long[] cost = new long[n];
		long[] value = new long[n];
		for (int i = 0; i < n; i++) {
			cost[i] = 10 * (1 + random.nextInt(6));
			value[i] = random.nextInt(20);
		}
		List<int[]> edges = new ArrayList<>();
		for (int i = 1; i < n; i++) {
			if (random.nextInt(3) == 0) {
				edges.add(new int[] { i, random.nextInt(i) });
			}
		}
		int customers = 2 + random.nextInt(3);
		long[] profit = new long[customers];
		int[][] asked = new int[customers][];
		for (int c = 0; c < customers; c++) {
			profit[c] = 1 + random.nextInt(30);
			asked[c] = random.ints(1 + random.nextInt(3), 0, n).distinct().toArray();
		}
		long total = Arrays.stream(cost).sum();
		long[] capacity = new long[r];
		Arrays.fill(capacity, Math.max(10, total / 3 / r));
		int[] pin = new int[n];
		Arrays.fill(pin, Problem.FREE);
		if (pins) {
			pin[n - 1] = Problem.OUT;
			pin[0] = cost[0] <= capacity[0] ? 0 : Problem.FREE;
		}
		String[] names = new String[n];
		Arrays.setAll(names, i -> "i" + i);
		String[] releases = new String[r];
		Arrays.setAll(releases, j -> "R" + j);
		return new Problem(cost, value, edges.stream().mapToInt(e -> e[0]).toArray(),
				edges.stream().mapToInt(e -> e[1]).toArray(), profit, asked, capacity, 0.1 + random.nextInt(3) * 0.2,
				mode, pin, names, releases);
	}

	/** The best value of every assignment of items to releases (or out) that holds. */
	private static long best(Problem p) {
		int n = p.cost().length;
		int choices = p.capacity().length + 1;
		int[] release = new int[n];
		long best = -1;
		for (long code = 0; code < Math.pow(choices, n); code++) {
			long rest = code;
			for (int i = 0; i < n; i++) {
				release[i] = (int) (rest % choices) - 1;
				rest /= choices;
			}
			if (feasible(p, release)) {
				best = Math.max(best, ReleaseOptimizer.valueOf(p, release));
			}
		}
		return best;
	}

	/** Whether the assignment holds pins, capacities and prerequisites-first. */
	static boolean feasible(Problem p, int[] release) {
		long[] load = new long[p.capacity().length];
		for (int i = 0; i < release.length; i++) {
			int pin = p.pin()[i];
			if (pin == Problem.OUT && release[i] >= 0 || pin == Problem.IN && release[i] < 0
					|| pin >= 0 && release[i] != pin) {
				return false;
			}
			if (release[i] >= 0) {
				load[release[i]] += p.cost()[i];
			}
		}
		for (int j = 0; j < load.length; j++) {
			if (load[j] > p.capacity()[j]) {
				return false;
			}
		}
		for (int k = 0; k < p.waitsOn().length; k++) {
			int w = release[p.waitsOn()[k]];
			int q = release[p.prerequisite()[k]];
			if (w >= 0 && (q < 0 || q > w)) {
				return false;
			}
		}
		return true;
	}

}
