package dev.priora.planning.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import dev.priora.planning.engine.ReleaseOptimizer.Problem;

/**
 * Customer value over several releases with the Next Release Problem engine's help. A
 * plan's value is Σ_j g_j × (profit of the customers complete by release j), with g_j =
 * w_j − w_{j+1} the weight release j loses to the next. The customers complete by release
 * j fit the releases up to j together, so each term is at most g_j × the NRP optimum at
 * that cumulative capacity: each such optimum is a cut for the model, and their weighted
 * sum bounds every plan. A first plan is built release by release: the NRP optimum of
 * what the capacity up to release j buys (items already planned cost nothing), its new
 * items packed into the earliest releases with room in prerequisite order.
 */
final class CustomerChain {

	private CustomerChain() {
	}

	/**
	 * The first plan ({@code release[i]}, -1 when out; null when pins rule out the
	 * chain), per release the most profit that can be complete by it (0 where the weight
	 * does not drop), and the bound on the model's scaled objective. When the first plan
	 * is short of the bound, what every better plan must reach: {@code least[j]}, the
	 * profit complete by release j (0 where nothing is asked), and {@code better}, the
	 * scaled objective (null and 0 otherwise).
	 */
	record Outcome(int[] release, long[] levelBound, long bound, List<Fix> fixes, boolean nothingBetter, long[] least,
			long better) {

		Outcome(int[] release, long[] levelBound, long bound) {
			this(release, levelBound, bound, List.of(), false, null, 0);
		}

		/** Whether the model is told to look only for plans better than the first. */
		boolean restricts() {
			return least != null;
		}

	}

	/**
	 * What every plan better than the first must do: the customer needing {@code items}
	 * is complete by release {@code level} ({@code done}) or is not.
	 */
	record Fix(BitSet items, int level, boolean done) {
	}

	/**
	 * The bounds and the first plan within {@code seconds}: a quick plan first (told to
	 * {@code onPlan}), then the bounds, then a better plan.
	 */
	static Outcome of(Problem p, double seconds, int workers, BooleanSupplier cancelled, Consumer<int[]> onPlan) {
		long begin = System.nanoTime();
		long[] weight = ReleaseModel.weights(p);
		int r = weight.length;
		long[] cumulative = new long[r];
		long sum = 0;
		for (int j = 0; j < r; j++) {
			sum += p.capacity()[j];
			cumulative[j] = sum;
		}
		int levels = 0;
		for (int j = 0; j < r; j++) {
			levels += gain(weight, j) > 0 && cumulative[j] > 0 ? 1 : 0;
		}
		boolean chain = Arrays.stream(p.pin()).allMatch(pin -> pin == Problem.FREE || pin == Problem.OUT);
		double quickStep = Math.min(0.25, seconds / 20);
		int[] quick = chain ? QuickPlans.forward(p, cumulative, quickStep, cancelled) : null;
		if (quick != null) {
			onPlan.accept(quick);
			// the same quick steps from the last release back, as the backward plan
			// below goes: the better of the two is the plan of the first seconds
			int[] back = r > 1 ? QuickPlans.backward(p, cumulative, weight, quickStep, cancelled) : null;
			if (back != null && ReleaseOptimizer.scaledValue(p, back) > ReleaseOptimizer.scaledValue(p, quick)) {
				quick = back;
				onPlan.accept(quick);
			}
		}
		// the levels share 85 % of the chain's time in turn: a level proven early leaves
		// its time to the ones after it (a loose level bound costs the proof, not a plan)
		long end = begin + (long) (seconds * 1e9);
		long levelsEnd = begin + (long) (seconds * 0.85 * 1e9);
		NrpInstance all = instance(p, new BitSet(), new BitSet());
		NrpSolver.Result[] level = new NrpSolver.Result[r];
		long[] levelBound = new long[r];
		long bound = 0;
		int left = levels;
		for (int j = 0; j < r; j++) {
			if (gain(weight, j) > 0 && cumulative[j] > 0) {
				double share = (levelsEnd - System.nanoTime()) / 1e9 / left--;
				level[j] = NrpSolver.solve(all, cumulative[j], settings(share, workers), NrpSolver.Progress.NONE,
						cancelled);
				levelBound[j] = level[j].bound();
				bound += gain(weight, j) * level[j].bound();
			}
		}
		double backwardEach = (end - System.nanoTime()) / 1e9 / (2.0 * Math.max(1, levels));
		int[] release = chain ? backward(p, all, cumulative, weight, level, backwardEach, workers, cancelled) : null;
		if (release == null || ReleaseOptimizer.scaledValue(p, quick) > ReleaseOptimizer.scaledValue(p, release)) {
			release = quick;
		}
		if (release == null || ReleaseOptimizer.scaledValue(p, release) >= bound) {
			return new Outcome(release, levelBound, bound);
		}
		// the fixing's bounds hold whenever it stops: stop it when the chain's time is up
		return fixed(p, all, cumulative, weight, levelBound, release,
				() -> cancelled.getAsBoolean() || System.nanoTime() > end);
	}

	/**
	 * What every better plan obeys. A plan worth more than the first plan's V has, at
	 * each release j, profit complete by j of at least L_j = (V + 1 − Σ_{k≠j} g_k ×
	 * bound_k) / g_j (the model is told so: with tight level bounds a better plan must
	 * reach each level's optimum); the Lagrangian relaxation of the capacity up to j
	 * ({@link BudgetRelaxation}) then proves customers in or out at j, or that no such
	 * plan exists.
	 */
	static Outcome fixed(Problem p, NrpInstance all, long[] cumulative, long[] weight, long[] levelBound, int[] release,
			BooleanSupplier cancelled) {
		long value = ReleaseOptimizer.scaledValue(p, release);
		long bound = 0;
		for (int j = 0; j < weight.length; j++) {
			bound += gain(weight, j) * levelBound[j];
		}
		long[] least = new long[weight.length];
		for (int j = 0; j < weight.length; j++) {
			long g = gain(weight, j);
			if (g > 0 && levelBound[j] > 0) {
				least[j] = Math.max(0, Math.floorDiv(value + 1 - (bound - g * levelBound[j]) + g - 1, g));
			}
		}
		List<Fix> fixes = new ArrayList<>();
		BitSet[] closures = ReducedNrp.closures(all);
		for (int j = 0; j < weight.length && !cancelled.getAsBoolean(); j++) {
			if (least[j] <= 0) {
				continue;
			}
			ReducedNrp reduced = ReducedNrp.of(all, cumulative[j]);
			BudgetRelaxation.Fixing fixing = BudgetRelaxation.bounds(reduced, cumulative[j], least[j] - 1, cancelled)
				.against(least[j] - 1);
			if (fixing.nothingBetter()) {
				return new Outcome(release, levelBound, bound, List.of(), true, null, 0);
			}
			for (int c = 0; c < fixing.fixed().length; c++) {
				if (fixing.fixed()[c] != 0) {
					for (int member : reduced.members().get(c)) {
						fixes.add(new Fix(closures[member], j, fixing.fixed()[c] > 0));
					}
				}
			}
		}
		return new Outcome(release, levelBound, bound, fixes, false, least, value + 1);
	}

	/**
	 * The plan built from the last release back: the most profit the whole capacity can
	 * buy, then within those customers the most the capacity up to each earlier release
	 * can buy (where the weight drops), packed release by release.
	 */
	private static int[] backward(Problem p, NrpInstance all, long[] cumulative, long[] weight,
			NrpSolver.Result[] level, double seconds, int workers, BooleanSupplier cancelled) {
		int r = cumulative.length;
		if (level[r - 1] == null) {
			return null;
		}
		int[][] sets = new int[r][];
		sets[r - 1] = level[r - 1].customers();
		int[] within = sets[r - 1];
		for (int j = r - 2; j >= 0 && !cancelled.getAsBoolean(); j--) {
			if (level[j] != null) {
				BitSet outside = new BitSet();
				outside.set(0, all.customers());
				Arrays.stream(within).forEach(outside::clear);
				within = NrpSolver
					.solve(instance(p, new BitSet(), outside), cumulative[j], settings(seconds, workers),
							NrpSolver.Progress.NONE, cancelled)
					.customers();
				sets[j] = within;
			}
		}
		BitSet[] closures = ReducedNrp.closures(all);
		ReleasePacking packing = new ReleasePacking(p);
		for (int j = 0; j < r; j++) {
			if (sets[j] != null) {
				BitSet wanted = new BitSet();
				Arrays.stream(sets[j]).forEach(c -> wanted.or(closures[c]));
				packing.add(wanted, j);
			}
		}
		return packing.release();
	}

	static long gain(long[] weight, int j) {
		return weight[j] - (j + 1 < weight.length ? weight[j + 1] : 0);
	}

	private static NrpSolver.Settings settings(double seconds, int workers) {
		return new NrpSolver.Settings(Math.max(0.2, seconds), Math.max(1, workers), 1);
	}

	/**
	 * The problem as a Next Release Problem: free items cost nothing; customers in
	 * {@code worthless}, customers needing an item pinned out and customers asking for
	 * nothing bring nothing.
	 */
	static NrpInstance instance(Problem p, BitSet free, BitSet worthless) {
		int n = p.cost().length;
		int[] cost = new int[n];
		for (int i = 0; i < n; i++) {
			cost[i] = free.get(i) ? 0 : (int) Math.min(Integer.MAX_VALUE, p.cost()[i]);
		}
		long[] profit = p.customerProfit().clone();
		NrpInstance plain = new NrpInstance(cost, p.prerequisite(), p.waitsOn(), profit, p.customerItems());
		BitSet[] closures = ReducedNrp.closures(plain);
		for (int c = 0; c < profit.length; c++) {
			boolean blocked = closures[c].stream().anyMatch(i -> p.pin()[i] == Problem.OUT);
			if (blocked || worthless.get(c) || closures[c].isEmpty()) {
				profit[c] = 0;
			}
		}
		return new NrpInstance(cost, p.prerequisite(), p.waitsOn(), profit, p.customerItems());
	}

}
