package dev.priora.planning.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.DecisionStrategyProto;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import com.google.ortools.sat.Literal;
import com.google.ortools.sat.SatParameters;

/**
 * Solves the Next Release Problem exactly with CP-SAT after shrinking it:
 * <ol>
 * <li>each customer needs the closure of its requests under prerequisites; customers
 * whose closure alone exceeds the budget, or with no profit, are dropped;</li>
 * <li>requirements needed by exactly the same customers are merged into one unit (their
 * costs add up), so a requirement asked for by one customer becomes part of that
 * customer's own cost;</li>
 * <li>customers needing exactly the same units are merged (their profits add up).</li>
 * </ol>
 * The model is then: maximize Σ profit × customer, customer ⇒ unit, Σ cost × unit ≤
 * budget, a unit only when some customer needs it. Rank-order filling (the best profit ÷
 * remaining cost first), improved by a local search, gives a first plan. The Lagrangian
 * relaxation of the budget ({@link BudgetRelaxation}) then fixes the customers every
 * better plan must include or leave out, and a short local search among the plans left
 * may improve the first plan (fixing more). The solver gets that plan as a hint and
 * searches the rest with the LP, branching on the most shared and costly units first;
 * progress (best value, bound) goes to the listener.
 */
public final class NrpSolver {

	static {
		Loader.loadNativeLibraries();
	}

	private NrpSolver() {
	}

	/** Best value and bound so far, and seconds since the start. */
	public interface Progress {

		Progress NONE = (value, bound, seconds) -> {
		};

		void report(long value, long bound, double seconds);

	}

	/**
	 * The plan: its value (total profit of satisfied customers), the proven bound,
	 * whether it is proven optimal, the time, its cost, the satisfied customers and
	 * delivered requirements (0-based, sorted), and rank-order filling's value.
	 */
	public record Result(long objective, long bound, boolean optimal, double seconds, long cost, int[] customers,
			int[] requirements, long greedyObjective) {
	}

	/** Solver settings: time limit, worker threads, and the random seed. */
	public record Settings(double timeLimitSeconds, int workers, int seed) {

		public static Settings defaults(double timeLimitSeconds) {
			return new Settings(timeLimitSeconds, 2, 1);
		}

	}

	public static Result solve(NrpInstance in, long budget, Settings settings, Progress progress,
			BooleanSupplier cancelled) {
		long start = System.nanoTime();
		Reduced r = Reduced.of(in, budget);
		Greedy greedy = Greedy.of(in, r.closures(), budget);
		if (r.customers().isEmpty()) {
			return result(in, r, new boolean[0], 0, 0, true, start, greedy.value());
		}
		CpModel model = new CpModel();
		int units = r.unitCost().length;
		BoolVar[] x = new BoolVar[units];
		for (int u = 0; u < units; u++) {
			x[u] = model.newBoolVar("u" + u);
		}
		int k = r.customers().size();
		BoolVar[] y = new BoolVar[k];
		LinearExprBuilder objective = LinearExpr.newBuilder();
		List<List<Integer>> users = new ArrayList<>();
		for (int u = 0; u < units; u++) {
			users.add(new ArrayList<>());
		}
		for (int c = 0; c < k; c++) {
			y[c] = model.newBoolVar("c" + c);
			objective.addTerm(y[c], r.profit()[c]);
			for (int u : r.customers().get(c)) {
				model.addImplication(y[c], x[u]);
				users.get(u).add(c);
			}
		}
		LinearExprBuilder cost = LinearExpr.newBuilder();
		for (int u = 0; u < units; u++) {
			cost.addTerm(x[u], r.unitCost()[u]);
			LinearExprBuilder any = LinearExpr.newBuilder();
			for (int c : users.get(u)) {
				any.add(y[c]);
			}
			// a unit nobody selected asks for is never delivered
			model.addLessOrEqual(x[u], any);
		}
		model.addLessOrEqual(cost, budget);
		// a customer whose units are all delivered is satisfied (it costs nothing more)
		for (int c = 0; c < k; c++) {
			Literal[] clause = new Literal[r.customers().get(c).length + 1];
			for (int i = 0; i < r.customers().get(c).length; i++) {
				clause[i] = x[r.customers().get(c)[i]].not();
			}
			clause[clause.length - 1] = y[c];
			model.addBoolOr(clause);
		}
		model.maximize(objective);
		// branch on the units many customers share and that cost most first, buying them
		// first: with the LP, this proves the hard classic cases several times sooner
		// than
		// the solver's own choice (measured: docs/BENCHMARKS.md)
		Integer[] order = new Integer[units];
		for (int u = 0; u < units; u++) {
			order[u] = u;
		}
		Arrays.sort(order, Comparator.comparingLong((Integer u) -> -(long) users.get(u).size() * r.unitCost()[u]));
		model.addDecisionStrategy(Arrays.stream(order).map(u -> x[u]).toArray(BoolVar[]::new),
				DecisionStrategyProto.VariableSelectionStrategy.CHOOSE_FIRST,
				DecisionStrategyProto.DomainReductionStrategy.SELECT_MAX_VALUE);
		// a few hundred milliseconds of ruin and recreate give the solver a near-optimal
		// start
		boolean[] hint = LocalSearch.improve(r, budget, r.hint(greedy.customers()),
				(long) Math.min(800, settings.timeLimitSeconds() * 100), settings.seed());
		long hintValue = r.value(hint);
		progress.report(hintValue, Long.MAX_VALUE, (System.nanoTime() - start) / 1e9);
		// customers every better plan must include or leave out: the search for one
		// shrinks
		// (within half the time limit: the bounds worked out by then are as valid)
		BooleanSupplier halfTime = () -> cancelled.getAsBoolean()
				|| (System.nanoTime() - start) / 1e9 > settings.timeLimitSeconds() / 2;
		BudgetRelaxation.Bounds bounds = BudgetRelaxation.bounds(r, budget, hintValue, halfTime);
		BudgetRelaxation.Fixing fixing = bounds.against(hintValue);
		// short searches among the plans left: a better plan fixes more, and so on
		for (int round = 1; round <= 3 && !fixing.nothingBetter() && fixing.count() > 0; round++) {
			boolean[] better = LocalSearch.improve(r, budget, hint, fixing.fixed(),
					(long) Math.min(400, settings.timeLimitSeconds() * 50), settings.seed() + round);
			if (r.value(better) <= hintValue) {
				break;
			}
			hint = better;
			hintValue = r.value(better);
			fixing = bounds.against(hintValue);
		}
		if (fixing.nothingBetter()) {
			return result(in, r, hint, hintValue, hintValue, true, start, greedy.value());
		}
		long relaxed = Math.max(hintValue, bounds.root());
		progress.report(hintValue, relaxed, (System.nanoTime() - start) / 1e9);
		for (int c = 0; c < k; c++) {
			model.addHint(y[c], hint[c] ? 1 : 0);
			if (fixing.fixed()[c] != 0) {
				model.addEquality(y[c], (fixing.fixed()[c] > 0) ? 1 : 0);
			}
		}
		for (int u = 0; u < units; u++) {
			boolean used = false;
			for (int c : users.get(u)) {
				used |= hint[c];
			}
			model.addHint(x[u], used ? 1 : 0);
		}
		CpSolver solver = new CpSolver();
		solver.getParameters()
			.setMaxTimeInSeconds(Math.max(0.1, settings.timeLimitSeconds() - (System.nanoTime() - start) / 1e9))
			.setNumWorkers(settings.workers())
			.setRandomSeed(settings.seed())
			.setLinearizationLevel(2)
			.setSearchBranching(SatParameters.SearchBranching.FIXED_SEARCH);
		// the LP-driven worker proves these models far sooner than the default portfolio
		// (measured: docs/BENCHMARKS.md)
		solver.getParameters().addSubsolvers("max_lp");
		long[] best = { hintValue };
		CpSolverStatus status = CancellableSolve.solve(solver, model, (value, bound) -> {
			best[0] = Math.max(best[0], (long) value);
			progress.report(best[0], Math.min(relaxed, Math.max(best[0], (long) Math.floor(bound + 1e-6))),
					(System.nanoTime() - start) / 1e9);
		}, cancelled);
		boolean found = status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE;
		boolean[] chosen = new boolean[k];
		long value = 0;
		if (found) {
			for (int c = 0; c < k; c++) {
				chosen[c] = solver.booleanValue(y[c]);
				value += chosen[c] ? r.profit()[c] : 0;
			}
		}
		if (!found || value < hintValue) {
			chosen = hint;
			value = hintValue;
		}
		// the fixings leave out only plans worth no more than the hint: when the rest
		// hold nothing (infeasible) or nothing better (optimal), the plan in hand is best
		boolean optimal = status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.INFEASIBLE;
		long bound = found ? Math.min(relaxed, Math.max(value, (long) Math.floor(solver.bestObjectiveBound() + 1e-6)))
				: relaxed;
		return result(in, r, chosen, value, bound, optimal, start, greedy.value());
	}

	private static Result result(NrpInstance in, Reduced r, boolean[] chosen, long value, long bound, boolean optimal,
			long start, long greedy) {
		BitSet customers = new BitSet();
		BitSet requirements = new BitSet();
		for (int c = 0; c < chosen.length; c++) {
			if (chosen[c]) {
				for (int original : r.members().get(c)) {
					customers.set(original);
					requirements.or(r.closures()[original]);
				}
			}
		}
		long cost = requirements.stream().mapToLong(i -> in.cost()[i]).sum();
		return new Result(value, optimal ? value : bound, optimal, (System.nanoTime() - start) / 1e9, cost,
				customers.stream().toArray(), requirements.stream().toArray(), greedy);
	}

	/**
	 * The shrunken problem: units with costs, merged customers with profits and the units
	 * they need.
	 */
	record Reduced(BitSet[] closures, List<int[]> customers, long[] profit, int[] unitCost, List<int[]> members) {

		static Reduced of(NrpInstance in, long budget) {
			BitSet[] closures = NrpSolver.closures(in);
			int m = in.requirements();
			List<Integer> kept = new ArrayList<>();
			for (int c = 0; c < in.customers(); c++) {
				long cost = closures[c].stream().mapToLong(i -> in.cost()[i]).sum();
				if (in.profit()[c] > 0 && cost <= budget) {
					kept.add(c);
				}
			}
			// requirements needed by the same customers form one unit
			List<List<Integer>> needers = new ArrayList<>();
			for (int i = 0; i < m; i++) {
				needers.add(new ArrayList<>());
			}
			for (int c : kept) {
				for (int i = closures[c].nextSetBit(0); i >= 0; i = closures[c].nextSetBit(i + 1)) {
					needers.get(i).add(c);
				}
			}
			Map<List<Integer>, Integer> unitOf = new HashMap<>();
			List<Long> unitCost = new ArrayList<>();
			int[] unit = new int[m];
			Arrays.fill(unit, -1);
			for (int i = 0; i < m; i++) {
				if (needers.get(i).isEmpty() || in.cost()[i] == 0) {
					continue;
				}
				int u = unitOf.computeIfAbsent(needers.get(i), key -> {
					unitCost.add(0L);
					return unitCost.size() - 1;
				});
				unitCost.set(u, unitCost.get(u) + in.cost()[i]);
				unit[i] = u;
			}
			// customers needing the same units are one customer
			Map<List<Integer>, Integer> merged = new HashMap<>();
			List<int[]> customers = new ArrayList<>();
			List<Long> profit = new ArrayList<>();
			List<List<Integer>> members = new ArrayList<>();
			for (int c : kept) {
				BitSet units = new BitSet();
				for (int i = closures[c].nextSetBit(0); i >= 0; i = closures[c].nextSetBit(i + 1)) {
					if (unit[i] >= 0) {
						units.set(unit[i]);
					}
				}
				List<Integer> key = units.stream().boxed().toList();
				Integer at = merged.get(key);
				if (at == null) {
					merged.put(key, customers.size());
					customers.add(units.stream().toArray());
					profit.add(in.profit()[c]);
					members.add(new ArrayList<>(List.of(c)));
				}
				else {
					profit.set(at, profit.get(at) + in.profit()[c]);
					members.get(at).add(c);
				}
			}
			return new Reduced(closures, customers, profit.stream().mapToLong(Long::longValue).toArray(),
					unitCost.stream().mapToInt(Long::intValue).toArray(),
					members.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toList());
		}

		/** The total profit of the chosen merged customers. */
		long value(boolean[] chosen) {
			long value = 0;
			for (int c = 0; c < chosen.length; c++) {
				value += chosen[c] ? this.profit[c] : 0;
			}
			return value;
		}

		/**
		 * Merged customers to choose so that the given original customers are satisfied.
		 */
		boolean[] hint(BitSet originals) {
			boolean[] h = new boolean[customers.size()];
			for (int c = 0; c < h.length; c++) {
				h[c] = Arrays.stream(members.get(c)).allMatch(originals::get);
			}
			return h;
		}

	}

	/** Each customer's requests with every transitive prerequisite. */
	static BitSet[] closures(NrpInstance in) {
		int m = in.requirements();
		List<List<Integer>> pre = new ArrayList<>();
		for (int i = 0; i < m; i++) {
			pre.add(new ArrayList<>());
		}
		for (int e = 0; e < in.prerequisite().length; e++) {
			pre.get(in.dependent()[e]).add(in.prerequisite()[e]);
		}
		BitSet[] memo = new BitSet[m];
		BitSet[] result = new BitSet[in.customers()];
		for (int c = 0; c < in.customers(); c++) {
			BitSet b = new BitSet(m);
			for (int r : in.requests()[c]) {
				b.or(closure(r, pre, memo));
			}
			result[c] = b;
		}
		return result;
	}

	private static BitSet closure(int r, List<List<Integer>> pre, BitSet[] memo) {
		if (memo[r] != null) {
			return memo[r];
		}
		BitSet b = new BitSet();
		b.set(r);
		java.util.ArrayDeque<Integer> stack = new java.util.ArrayDeque<>(List.of(r));
		while (!stack.isEmpty()) {
			for (int p : pre.get(stack.pop())) {
				if (!b.get(p)) {
					b.set(p);
					stack.push(p);
				}
			}
		}
		memo[r] = b;
		return b;
	}

}
