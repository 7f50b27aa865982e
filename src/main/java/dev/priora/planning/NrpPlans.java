package dev.priora.planning;

import java.math.BigDecimal;
import java.util.Arrays;

import dev.priora.planning.engine.NrpInstance;
import dev.priora.planning.engine.NrpParser;
import dev.priora.planning.engine.NrpSolver;
import dev.priora.planning.engine.ReleaseOptimizer;

/**
 * Solves Next Release Problem files with the release optimizer's engine, for research
 * data and checks ({@code priora plan --nrp FILE --budget-ratio R}).
 */
public final class NrpPlans {

	private NrpPlans() {
	}

	/**
	 * The plan for a file: value, proven bound, whether it is optimal, seconds, budget
	 * and cost, the satisfied customers and delivered requirements (1-based ids as in the
	 * file), and rank-order filling's value.
	 */
	public record NrpPlan(long objective, long bound, boolean optimal, double seconds, long budget, long cost,
			int[] selectedCustomers, int[] selectedRequirements, long greedyObjective) {
	}

	/**
	 * A file that cannot be read as a Next Release Problem; the message names the line.
	 */
	public static final class BadFile extends RuntimeException {

		private static final long serialVersionUID = 1L;

		BadFile(String message) {
			super(message);
		}

	}

	/**
	 * The in-app planner's plan for a file split into releases: value (customers'
	 * profits, each weighted by (1 − discount)^j for the release j that completes it),
	 * proven bound, whether it is optimal, seconds, the budget and each release's
	 * capacity, the release (1-based, 0 for none) of every requirement, the customers
	 * satisfied, and the best value found within the first 2 seconds.
	 */
	public record ReleasesPlan(long objective, long bound, boolean optimal, double seconds, long budget,
			long[] capacities, int[] releaseOfRequirement, int satisfiedCustomers, long bestAfterTwoSeconds) {
	}

	/**
	 * Solves the file with the in-app planner's model ({@code ReleaseOptimizer}, customer
	 * value) over {@code releases} releases of capacity budget / releases each (the
	 * remainder to the first ones), on {@code workers} threads: {@code releases = 1},
	 * {@code discount = 0} is the plain Next Release Problem.
	 */
	public static ReleasesPlan solveReleases(String text, BigDecimal ratio, int releases, double discount,
			double timeLimitSeconds, int workers) {
		NrpInstance in = checked(text, ratio, timeLimitSeconds);
		if (releases < 1 || releases > 12) {
			throw new IllegalArgumentException("releases must be from 1 to 12");
		}
		if (!(discount >= 0 && discount < 1)) {
			throw new IllegalArgumentException("the discount must be from 0 to below 1");
		}
		if (workers < 1 || workers > 64) {
			throw new IllegalArgumentException("workers must be from 1 to 64");
		}
		long budget = in.budget(ratio);
		long[] capacity = new long[releases];
		for (int j = 0; j < releases; j++) {
			capacity[j] = budget / releases + (j < budget % releases ? 1 : 0);
		}
		int n = in.requirements();
		int[] pins = new int[n];
		Arrays.fill(pins, ReleaseOptimizer.Problem.FREE);
		String[] names = java.util.stream.IntStream.range(0, n).mapToObj(i -> "r" + (i + 1)).toArray(String[]::new);
		String[] releaseNames = java.util.stream.IntStream.range(0, releases)
			.mapToObj(j -> "R" + (j + 1))
			.toArray(String[]::new);
		var problem = new ReleaseOptimizer.Problem(Arrays.stream(in.cost()).asLongStream().toArray(), new long[n],
				in.dependent(), in.prerequisite(), in.profit(), in.requests(), capacity, discount,
				ReleaseOptimizer.ValueMode.CUSTOMER, pins, names, releaseNames);
		long[] early = { -1 };
		var plan = ReleaseOptimizer.solve(problem, timeLimitSeconds, workers, (value, bound, seconds) -> {
			if (seconds <= 2.0) {
				early[0] = Math.max(early[0], value);
			}
		}, () -> false);
		int[] release = Arrays.stream(plan.release()).map(j -> j + 1).toArray();
		int satisfied = 0;
		for (int[] asked : in.requests()) {
			satisfied += Arrays.stream(asked).allMatch(i -> plan.release()[i] >= 0) ? 1 : 0;
		}
		return new ReleasesPlan(plan.value(), plan.bound(), plan.optimal(), Math.round(plan.seconds() * 1000) / 1000.0,
				budget, capacity, release, satisfied, early[0]);
	}

	private static NrpInstance checked(String text, BigDecimal ratio, double timeLimitSeconds) {
		if (ratio.signum() < 0 || ratio.compareTo(BigDecimal.ONE) > 0) {
			throw new IllegalArgumentException("the budget ratio must be from 0 to 1");
		}
		if (!(timeLimitSeconds > 0)) {
			throw new IllegalArgumentException("the time limit must be above 0 seconds");
		}
		try {
			return NrpParser.parse(text);
		}
		catch (NrpParser.Problem e) {
			throw new BadFile(e.getMessage());
		}
	}

	public static NrpPlan solve(String text, BigDecimal ratio, double timeLimitSeconds) {
		NrpInstance in = checked(text, ratio, timeLimitSeconds);
		long budget = in.budget(ratio);
		var r = NrpSolver.solve(in, budget, NrpSolver.Settings.defaults(timeLimitSeconds), NrpSolver.Progress.NONE,
				() -> false);
		return new NrpPlan(r.objective(), r.bound(), r.optimal(), Math.round(r.seconds() * 1000) / 1000.0, budget,
				r.cost(), Arrays.stream(r.customers()).map(i -> i + 1).toArray(),
				Arrays.stream(r.requirements()).map(i -> i + 1).toArray(), r.greedyObjective());
	}

}
