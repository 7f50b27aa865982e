package dev.priora.planning;

import java.math.BigDecimal;
import java.util.Arrays;

import dev.priora.planning.engine.NrpInstance;
import dev.priora.planning.engine.NrpParser;
import dev.priora.planning.engine.NrpSolver;

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

	public static NrpPlan solve(String text, BigDecimal ratio, double timeLimitSeconds) {
		if (ratio.signum() < 0 || ratio.compareTo(BigDecimal.ONE) > 0) {
			throw new IllegalArgumentException("the budget ratio must be from 0 to 1");
		}
		if (!(timeLimitSeconds > 0)) {
			throw new IllegalArgumentException("the time limit must be above 0 seconds");
		}
		NrpInstance in;
		try {
			in = NrpParser.parse(text);
		}
		catch (NrpParser.Problem e) {
			throw new BadFile(e.getMessage());
		}
		long budget = in.budget(ratio);
		var r = NrpSolver.solve(in, budget, NrpSolver.Settings.defaults(timeLimitSeconds), NrpSolver.Progress.NONE,
				() -> false);
		return new NrpPlan(r.objective(), r.bound(), r.optimal(), Math.round(r.seconds() * 1000) / 1000.0, budget,
				r.cost(), Arrays.stream(r.customers()).map(i -> i + 1).toArray(),
				Arrays.stream(r.requirements()).map(i -> i + 1).toArray(), r.greedyObjective());
	}

}
