package dev.priora.planning.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.priora.planning.engine.ReleaseOptimizer.Problem;
import dev.priora.planning.engine.ReleaseOptimizer.ValueMode;

/**
 * What the customer chain tells the model about plans better than a first plan holds for
 * every such plan, found by enumerating every assignment of small random instances: the
 * bound, the least profit complete by each release, each level's cap, and each customer
 * fixed in or out at a release; "nothing better" only when there is nothing better. The
 * first plans are deliberately weak (rank-order filling in a random order), so most
 * instances have better plans to check.
 */
class CustomerChainTest {

	@Test
	void everyBetterPlanObeysWhatTheChainTellsTheModel() {
		int checked = 0;
		int tight = 0;
		for (int seed = 1; seed <= 60; seed++) {
			Random random = new Random(seed);
			Problem p = random(random);
			long[] weight = ReleaseModel.weights(p);
			long[] cumulative = new long[weight.length];
			long[] levelBound = new long[weight.length];
			NrpInstance all = CustomerChain.instance(p, new BitSet(), new BitSet());
			for (int j = 0; j < weight.length; j++) {
				cumulative[j] = (j == 0 ? 0 : cumulative[j - 1]) + p.capacity()[j];
				if (CustomerChain.gain(weight, j) > 0) {
					levelBound[j] = NrpSolver
						.solve(all, cumulative[j], new NrpSolver.Settings(5, 1, 1), NrpSolver.Progress.NONE,
								() -> false)
						.bound();
				}
			}
			int[] order = random.ints(0, p.cost().length).distinct().limit(p.cost().length).toArray();
			int[] first = ReleaseOptimizer.rankOrder(p, order);
			long value = ReleaseOptimizer.scaledValue(p, first);
			long bound = 0;
			for (int j = 0; j < weight.length; j++) {
				bound += CustomerChain.gain(weight, j) * levelBound[j];
			}
			if (value >= bound) {
				continue;
			}
			CustomerChain.Outcome outcome = CustomerChain.fixed(p, all, cumulative, weight, levelBound, first,
					() -> false);
			int[] counted = check(p, seed, value, outcome);
			checked += counted[0];
			tight += counted[1];
		}
		// the check is not empty: better plans were met, some exactly at their least
		// profit
		assertThat(checked).isGreaterThan(100);
		assertThat(tight).isGreaterThan(0);
	}

	/**
	 * Checks every plan better than {@code value} against the outcome: how many plans
	 * were checked, and how many levels sat exactly at their least profit.
	 */
	private static int[] check(Problem p, int seed, long value, CustomerChain.Outcome outcome) {
		int checked = 0;
		int tight = 0;
		int levels = p.capacity().length;
		for (int[] plan : plans(p)) {
			long planValue = ReleaseOptimizer.scaledValue(p, plan);
			if (planValue <= value) {
				continue;
			}
			checked++;
			String what = "seed " + seed + ", plan " + Arrays.toString(plan);
			assertThat(outcome.nothingBetter()).as(what).isFalse();
			assertThat(planValue).as(what).isLessThanOrEqualTo(outcome.bound());
			assertThat(outcome.restricts()).as(what).isTrue();
			assertThat(planValue).as(what).isGreaterThanOrEqualTo(outcome.better());
			long[] complete = complete(p, plan);
			for (int j = 0; j < levels; j++) {
				if (outcome.levelBound()[j] > 0) {
					assertThat(complete[j]).as(what + ", release " + j).isLessThanOrEqualTo(outcome.levelBound()[j]);
				}
				assertThat(complete[j]).as(what + ", release " + j).isGreaterThanOrEqualTo(outcome.least()[j]);
				tight += complete[j] == outcome.least()[j] && outcome.least()[j] > 0 ? 1 : 0;
			}
			for (CustomerChain.Fix fix : outcome.fixes()) {
				boolean done = fix.items().stream().allMatch(i -> plan[i] >= 0 && plan[i] <= fix.level());
				assertThat(done).as(what + ", " + fix).isEqualTo(fix.done());
			}
		}
		return new int[] { checked, tight };
	}

	/** Profit complete by each release, customers counted as the model counts them. */
	private static long[] complete(Problem p, int[] plan) {
		long[] complete = new long[p.capacity().length];
		for (Map.Entry<BitSet, Long> customer : ReleaseModel.customers(p).entrySet()) {
			int last = customer.getKey().stream().map(i -> plan[i] < 0 ? Integer.MAX_VALUE : plan[i]).max().orElse(0);
			for (int j = last; j < complete.length; j++) {
				complete[j] += customer.getValue();
			}
		}
		return complete;
	}

	/**
	 * Every assignment of items to releases (or out) within capacities, prerequisites
	 * first.
	 */
	private static List<int[]> plans(Problem p) {
		int n = p.cost().length;
		int choices = p.capacity().length + 1;
		List<int[]> plans = new ArrayList<>();
		for (long code = 0; code < Math.pow(choices, n); code++) {
			int[] release = new int[n];
			long rest = code;
			for (int i = 0; i < n; i++) {
				release[i] = (int) (rest % choices) - 1;
				rest /= choices;
			}
			if (ReleaseOptimizerBruteForceTest.feasible(p, release)) {
				plans.add(release);
			}
		}
		return plans;
	}

	/**
	 * 6 or 7 items (costs 10 to 60), 2 or 3 releases of room for about a third of them
	 * each, prerequisites among earlier items, 3 to 6 customers asking for 1 to 3 items.
	 */
	private static Problem random(Random random) {
		int n = 6 + random.nextInt(2);
		int r = 2 + random.nextInt(2);
		long[] cost = new long[n];
		for (int i = 0; i < n; i++) {
			cost[i] = 10 * (1 + random.nextInt(6));
		}
		List<int[]> edges = new ArrayList<>();
		for (int i = 1; i < n; i++) {
			if (random.nextInt(3) == 0) {
				edges.add(new int[] { i, random.nextInt(i) });
			}
		}
		int customers = 3 + random.nextInt(4);
		long[] profit = new long[customers];
		int[][] asked = new int[customers][];
		for (int c = 0; c < customers; c++) {
			profit[c] = 1 + random.nextInt(30);
			asked[c] = random.ints(1 + random.nextInt(3), 0, n).distinct().toArray();
		}
		long total = Arrays.stream(cost).sum();
		long[] capacity = new long[r];
		Arrays.fill(capacity, Math.max(10, total / 3));
		int[] pin = new int[n];
		Arrays.fill(pin, Problem.FREE);
		return new Problem(cost, new long[n], edges.stream().mapToInt(e -> e[0]).toArray(),
				edges.stream().mapToInt(e -> e[1]).toArray(), profit, asked, capacity, 0.1 + random.nextInt(3) * 0.2,
				ValueMode.CUSTOMER, pin, new String[n], new String[r]);
	}

}
