package dev.priora.planning.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;

/**
 * Picks the most valuable assignment of items to releases with CP-SAT. Items have a cost
 * (points × 10) and a value; releases have capacities (same unit); a prerequisite goes in
 * the same or an earlier release; pins force an item in, out, or into one release. Value
 * is the items' value, or (customer value) a customer's profit when every item it asked
 * for is planned; release r's value is multiplied by (1 − discount)^r, so earlier
 * delivery wins. Infeasible pins are explained before solving, never reported as a solver
 * error.
 */
public final class ReleaseOptimizer {

	static {
		Loader.loadNativeLibraries();
	}

	private ReleaseOptimizer() {
	}

	/** How value is counted. */
	public enum ValueMode {

		/** Each item's own value (its score, or a value typed for the plan). */
		ITEM,
		/** Each item's own value, typed per plan. */
		TYPED,
		/** A customer's value counts when everything it asked for is planned. */
		CUSTOMER

	}

	/**
	 * The problem: per item cost and value (values ≥ 0), edges {@code waitsOn[k]} →
	 * {@code prerequisite[k]}, customers (profit and the items they asked for; CUSTOMER
	 * mode), release capacities, discount per release (0 to 1), and pins: {@code pin[i]}
	 * is -2 for "must be out", -1 for "must be in", a release index for "exactly there",
	 * or {@code FREE}. Names are used in explanations.
	 */
	public record Problem(long[] cost, long[] value, int[] waitsOn, int[] prerequisite, long[] customerProfit,
			int[][] customerItems, long[] capacity, double discount, ValueMode mode, int[] pin, String[] itemNames,
			String[] releaseNames) {

		public static final int FREE = Integer.MIN_VALUE;

		public static final int OUT = -2;

		public static final int IN = -1;

	}

	/**
	 * The plan: {@code release[i]} (-1 when left out), its value, the proven bound,
	 * whether it is optimal, seconds, and the reasons when the pins cannot all hold.
	 */
	public record Plan(int[] release, long value, long bound, boolean optimal, double seconds,
			List<String> infeasible) {
	}

	/** Best value and bound so far. */
	public interface Progress {

		void report(long value, long bound, double seconds);

	}

	/**
	 * Solves the problem within the time limit on {@code workers} threads, reporting
	 * progress; a cancel stops the search and keeps the best plan found.
	 */
	public static Plan solve(Problem p, double timeLimitSeconds, int workers, Progress progress,
			BooleanSupplier cancelled) {
		long start = System.nanoTime();
		List<String> problems = PinCheck.problems(p);
		int n = p.cost().length;
		int r = p.capacity().length;
		if (!problems.isEmpty() || r == 0) {
			int[] none = new int[n];
			Arrays.fill(none, -1);
			return new Plan(none, 0, 0, problems.isEmpty(), 0,
					r == 0 && problems.isEmpty() ? List.of("there are no releases to plan") : problems);
		}
		if (p.mode() == ValueMode.CUSTOMER && r == 1 && Arrays.stream(p.pin()).allMatch(pin -> pin == Problem.FREE)) {
			return oneRelease(p, timeLimitSeconds, workers, progress, cancelled, start);
		}
		CustomerChain.Outcome chain = p.mode() == ValueMode.CUSTOMER
				? CustomerChain.of(p, timeLimitSeconds * 0.8, workers, cancelled,
						quick -> progress.report(valueOf(p, quick), Long.MAX_VALUE, (System.nanoTime() - start) / 1e9))
				: null;
		Plan first = chain == null || chain.release() == null ? null : firstPlan(p, chain, start);
		if (first != null) {
			progress.report(first.value(), first.bound(), first.seconds());
			if (first.optimal() || cancelled.getAsBoolean()) {
				return first;
			}
		}
		CpModel model = new CpModel();
		BoolVar[][] x = ReleaseModel.build(model, p, chain);
		if (first != null) {
			for (int i = 0; i < n; i++) {
				for (int j = 0; j < r; j++) {
					model.addHint(x[i][j], first.release()[i] == j);
				}
			}
		}
		CpSolver solver = new CpSolver();
		solver.getParameters()
			.setMaxTimeInSeconds(chain == null ? timeLimitSeconds
					: Math.max(0.1, timeLimitSeconds - (System.nanoTime() - start) / 1e9))
			.setNumWorkers(Math.max(1, workers))
			.setRandomSeed(1)
			.addSubsolvers("max_lp");
		long cap = chain == null ? Long.MAX_VALUE : (chain.bound() + 999) / 1000;
		CpSolverStatus status = CancellableSolve.solve(solver, model,
				(value, bound) -> progress.report((long) value / 1000,
						Math.min(cap, (long) Math.floor(bound / 1000 + 1e-9)), (System.nanoTime() - start) / 1e9),
				cancelled);
		Plan found = plan(solver, status, x, (System.nanoTime() - start) / 1e9);
		return better(found, first, cap, chain != null && chain.restricts());
	}

	/**
	 * One release, customer value, no pins: the Next Release Problem, solved by its own
	 * engine.
	 */
	private static Plan oneRelease(Problem p, double timeLimitSeconds, int workers, Progress progress,
			BooleanSupplier cancelled, long start) {
		NrpInstance in = CustomerChain.instance(p, new java.util.BitSet(), new java.util.BitSet());
		NrpSolver.Result result = NrpSolver.solve(in, p.capacity()[0],
				new NrpSolver.Settings(timeLimitSeconds, Math.max(1, workers), 1), progress::report, cancelled);
		int[] release = new int[p.cost().length];
		Arrays.fill(release, -1);
		for (int i : result.requirements()) {
			release[i] = 0;
		}
		return new Plan(release, result.objective(), result.bound(), result.optimal(),
				(System.nanoTime() - start) / 1e9, List.of());
	}

	/** The chain's plan, optimal when it reaches the bounds. */
	private static Plan firstPlan(Problem p, CustomerChain.Outcome chain, long start) {
		long scaled = scaledValue(p, chain.release());
		long value = Math.round(scaled / 1000.0);
		boolean optimal = scaled >= chain.bound() || chain.nothingBetter();
		return new Plan(chain.release(), value, optimal ? value : Math.max(value, (chain.bound() + 999) / 1000),
				optimal, (System.nanoTime() - start) / 1e9, List.of());
	}

	/**
	 * The solver's plan or the first plan, whichever is worth more, with the best bound.
	 * When the model was {@code restricted} to plans better than the first, "no plan"
	 * proves the first optimal, and every plan outside is worth no more than it.
	 */
	private static Plan better(Plan found, Plan first, long cap, boolean restricted) {
		if (first == null) {
			return found.infeasible().isEmpty() ? withBound(found, cap) : found;
		}
		boolean none = !found.infeasible().isEmpty();
		Plan best = !none && found.value() >= first.value() ? found : first;
		boolean optimal = found.optimal() && (!none || restricted);
		long bound = optimal ? best.value() : Math.min(cap, Math.max(best.value(), found.bound()));
		return new Plan(best.release(), best.value(), bound, optimal, found.seconds(), List.of());
	}

	private static Plan withBound(Plan plan, long cap) {
		return new Plan(plan.release(), plan.value(), Math.min(cap, plan.bound()), plan.optimal(), plan.seconds(),
				plan.infeasible());
	}

	/** The plan the solver found, or why there is none. */
	private static Plan plan(CpSolver solver, CpSolverStatus status, BoolVar[][] x, double seconds) {
		int[] release = new int[x.length];
		Arrays.fill(release, -1);
		if (status == CpSolverStatus.INFEASIBLE) {
			return new Plan(release, 0, 0, true, seconds,
					List.of("the pins and dependencies cannot all hold within the capacities"));
		}
		if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
			return new Plan(release, 0, Long.MAX_VALUE, false, seconds,
					List.of("no plan was found in the time given; give it more time"));
		}
		for (int i = 0; i < x.length; i++) {
			for (int j = 0; j < x[i].length; j++) {
				if (solver.booleanValue(x[i][j])) {
					release[i] = j;
				}
			}
		}
		long value = Math.round(solver.objectiveValue() / 1000);
		boolean optimal = status == CpSolverStatus.OPTIMAL;
		long bound = optimal ? value : Math.max(value, (long) Math.ceil(solver.bestObjectiveBound() / 1000 - 1e-9));
		return new Plan(release, value, bound, optimal, seconds, List.of());
	}

	/**
	 * The value of an assignment under the problem's rules, so that other plans
	 * (rank-order filling, a plan by hand) are measured the same way.
	 */
	public static long valueOf(Problem p, int[] release) {
		return Math.round(scaledValue(p, release) / 1000.0);
	}

	/** The value of an assignment in the model's unit (value × 1000). */
	static long scaledValue(Problem p, int[] release) {
		int r = p.capacity().length;
		double total = 0;
		if (p.mode() != ValueMode.CUSTOMER) {
			for (int i = 0; i < release.length; i++) {
				if (release[i] >= 0) {
					total += p.value()[i] * Math.round(1000 * Math.pow(1 - p.discount(), release[i]));
				}
			}
		}
		else {
			for (int c = 0; c < p.customerProfit().length; c++) {
				int last = -1;
				for (int i : p.customerItems()[c]) {
					last = release[i] < 0 ? Integer.MAX_VALUE : Math.max(last, release[i]);
				}
				if (last >= 0 && last < r) {
					total += p.customerProfit()[c] * Math.round(1000 * Math.pow(1 - p.discount(), last));
				}
			}
		}
		return Math.round(total);
	}

	/**
	 * Rank-order filling: in the given order, each item goes into the earliest release
	 * with room in which its prerequisites are already planned; pins are respected.
	 */
	public static int[] rankOrder(Problem p, int[] order) {
		int n = p.cost().length;
		int r = p.capacity().length;
		int[] release = new int[n];
		Arrays.fill(release, -1);
		long[] left = p.capacity().clone();
		List<List<Integer>> prereqs = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			prereqs.add(new ArrayList<>());
		}
		for (int k = 0; k < p.waitsOn().length; k++) {
			prereqs.get(p.waitsOn()[k]).add(p.prerequisite()[k]);
		}
		for (int i = 0; i < n; i++) {
			if (p.pin()[i] >= 0 && left[p.pin()[i]] >= p.cost()[i]) {
				release[i] = p.pin()[i];
				left[p.pin()[i]] -= p.cost()[i];
			}
		}
		for (int i : order) {
			if (release[i] >= 0 || p.pin()[i] == Problem.OUT) {
				continue;
			}
			int earliest = 0;
			boolean ready = true;
			for (int q : prereqs.get(i)) {
				if (release[q] < 0) {
					ready = false;
				}
				earliest = Math.max(earliest, release[q]);
			}
			if (!ready) {
				continue;
			}
			for (int j = earliest; j < r; j++) {
				if (left[j] >= p.cost()[i]) {
					release[i] = j;
					left[j] -= p.cost()[i];
					break;
				}
			}
		}
		return release;
	}

}
