package dev.priora.planning.engine;

import java.util.BitSet;
import java.util.function.BooleanSupplier;

import com.google.ortools.Loader;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
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

	/**
	 * Solves the instance within the settings' time limit, reporting progress; a cancel
	 * stops the search and keeps the best plan found.
	 */
	public static Result solve(NrpInstance in, long budget, Settings settings, Progress progress,
			BooleanSupplier cancelled) {
		long start = System.nanoTime();
		ReducedNrp r = ReducedNrp.of(in, budget);
		Greedy greedy = Greedy.of(in, r.closures(), budget);
		if (r.customers().isEmpty()) {
			return result(in, r, new boolean[0], 0, 0, true, start, greedy.value());
		}
		NrpModel model = NrpModel.of(r, budget);
		FirstPlan first = FirstPlan.of(r, budget, greedy, settings, progress, cancelled, start);
		if (first.fixing().nothingBetter()) {
			return result(in, r, first.plan(), first.value(), first.value(), true, start, greedy.value());
		}
		long relaxed = Math.max(first.value(), first.bounds().root());
		progress.report(first.value(), relaxed, seconds(start));
		model.hint(first.plan(), first.fixing());
		CpSolver solver = solver(settings, start);
		long[] best = { first.value() };
		CpSolverStatus status = CancellableSolve.solve(solver, model.model(), (value, bound) -> {
			best[0] = Math.max(best[0], (long) value);
			progress.report(best[0], Math.min(relaxed, Math.max(best[0], (long) Math.floor(bound + 1e-6))),
					seconds(start));
		}, cancelled);
		return solution(in, r, model, solver, status, first, relaxed, start, greedy.value());
	}

	/**
	 * The plan the solver starts from, its value, the relaxation's bounds and the
	 * customers they fix against that value.
	 */
	private record FirstPlan(boolean[] plan, long value, BudgetRelaxation.Bounds bounds,
			BudgetRelaxation.Fixing fixing) {

		/**
		 * Rank-order filling improved by a few hundred milliseconds of ruin and recreate
		 * (a near-optimal start), then the customers every better plan must include or
		 * leave out (within half the time limit: the bounds worked out by then are as
		 * valid), then short searches among the plans left: a better plan fixes more, and
		 * so on.
		 */
		static FirstPlan of(ReducedNrp r, long budget, Greedy greedy, Settings settings, Progress progress,
				BooleanSupplier cancelled, long start) {
			boolean[] hint = LocalSearch.improve(r, budget, r.hint(greedy.customers()),
					(long) Math.min(800, settings.timeLimitSeconds() * 100), settings.seed());
			long hintValue = r.value(hint);
			progress.report(hintValue, Long.MAX_VALUE, seconds(start));
			BooleanSupplier halfTime = () -> cancelled.getAsBoolean()
					|| seconds(start) > settings.timeLimitSeconds() / 2;
			BudgetRelaxation.Bounds bounds = BudgetRelaxation.bounds(r, budget, hintValue, halfTime);
			BudgetRelaxation.Fixing fixing = bounds.against(hintValue);
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
			return new FirstPlan(hint, hintValue, bounds, fixing);
		}

	}

	/**
	 * CP-SAT with the time left, the settings' workers and seed, the LP and the fixed
	 * branching.
	 */
	private static CpSolver solver(Settings settings, long start) {
		CpSolver solver = new CpSolver();
		solver.getParameters()
			.setMaxTimeInSeconds(Math.max(0.1, settings.timeLimitSeconds() - seconds(start)))
			.setNumWorkers(settings.workers())
			.setRandomSeed(settings.seed())
			.setLinearizationLevel(2)
			.setSearchBranching(SatParameters.SearchBranching.FIXED_SEARCH);
		// the LP-driven worker proves these models far sooner than the default portfolio
		// (measured: docs/BENCHMARKS.md)
		solver.getParameters().addSubsolvers("max_lp");
		return solver;
	}

	/**
	 * The solver's plan, or the first plan when the solver found none better. The fixings
	 * leave out only plans worth no more than the first: when the rest hold nothing
	 * (infeasible) or nothing better (optimal), the plan in hand is best.
	 */
	private static Result solution(NrpInstance in, ReducedNrp r, NrpModel model, CpSolver solver, CpSolverStatus status,
			FirstPlan first, long relaxed, long start, long greedy) {
		boolean found = status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.FEASIBLE;
		boolean[] chosen = new boolean[model.y().length];
		long value = 0;
		if (found) {
			for (int c = 0; c < chosen.length; c++) {
				chosen[c] = solver.booleanValue(model.y()[c]);
				value += chosen[c] ? r.profit()[c] : 0;
			}
		}
		if (!found || value < first.value()) {
			chosen = first.plan();
			value = first.value();
		}
		boolean optimal = status == CpSolverStatus.OPTIMAL || status == CpSolverStatus.INFEASIBLE;
		long bound = found ? Math.min(relaxed, Math.max(value, (long) Math.floor(solver.bestObjectiveBound() + 1e-6)))
				: relaxed;
		return result(in, r, chosen, value, bound, optimal, start, greedy);
	}

	private static double seconds(long start) {
		return (System.nanoTime() - start) / 1e9;
	}

	private static Result result(NrpInstance in, ReducedNrp r, boolean[] chosen, long value, long bound,
			boolean optimal, long start, long greedy) {
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
		return new Result(value, optimal ? value : bound, optimal, seconds(start), cost, customers.stream().toArray(),
				requirements.stream().toArray(), greedy);
	}

}
