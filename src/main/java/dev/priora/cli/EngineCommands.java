package dev.priora.cli;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.priora.planning.NrpPlans;
import dev.priora.progress.Forecasts;

/**
 * {@code plan} and {@code forecast}: an engine on a file, without the database or Spring.
 */
final class EngineCommands {

	private EngineCommands() {
	}

	/** Solves a Next Release Problem file ({@code plan --nrp FILE --budget-ratio R}). */
	static Object plan(List<String> args) {
		Arguments a = Arguments.parse(args,
				Set.of("--nrp", "--budget-ratio", "--time-limit", "--releases", "--discount", "--workers"), Set.of(),
				false);
		noWords(a);
		String file = a.required("--nrp");
		BigDecimal ratio = a.requiredDecimal("--budget-ratio");
		double limit = a.decimal("--time-limit", BigDecimal.valueOf(60)).doubleValue();
		Integer releases = a.integer("--releases", null);
		String text = Arguments.text("--nrp", Path.of(file));
		try {
			if (releases == null) {
				return NrpPlans.solve(text, ratio, limit);
			}
			return NrpPlans.solveReleases(text, ratio, releases, a.decimal("--discount", BigDecimal.ZERO).doubleValue(),
					limit, a.integer("--workers", 2));
		}
		catch (NrpPlans.BadFile e) {
			throw CliProblem.invalid("--nrp", file + ", " + e.getMessage());
		}
		catch (IllegalArgumentException e) {
			throw CliProblem.invalid(planField(e.getMessage()), e.getMessage());
		}
	}

	/** The argument a refusal of a plan is about. */
	private static String planField(String message) {
		for (String[] named : new String[][] { { "budget", "--budget-ratio" }, { "releases", "--releases" },
				{ "discount", "--discount" }, { "workers", "--workers" } }) {
			if (message.contains(named[0])) {
				return named[1];
			}
		}
		return "--time-limit";
	}

	/** A Monte Carlo delivery forecast from a file of sprint velocities. */
	static Object forecast(List<String> args) {
		Arguments a = Arguments.parse(args, Set.of("--history", "--remaining", "--trials", "--seed", "--start",
				"--sprint-days", "--target", "--velocity"), Set.of(), false);
		noWords(a);
		String file = a.required("--history");
		double remaining = a.requiredDecimal("--remaining").doubleValue();
		BigDecimal velocity = a.decimal("--velocity", null);
		double[] history = velocities(file, Arguments.text("--history", Path.of(file)));
		try {
			return Forecasts.forecast(history, remaining, a.integer("--trials", 10_000), a.integer("--seed", 1),
					a.date("--start"), a.integer("--sprint-days", null), a.date("--target"),
					velocity == null ? null : velocity.doubleValue());
		}
		catch (IllegalArgumentException e) {
			throw CliProblem.invalid(forecastField(e.getMessage()), e.getMessage());
		}
	}

	/** The argument a refusal of {@code Forecasts.forecast} is about. */
	private static String forecastField(String message) {
		if (message.startsWith("trials")) {
			return "--trials";
		}
		if (message.startsWith("remaining")) {
			return "--remaining";
		}
		if (message.startsWith("a stated velocity")) {
			return "--velocity";
		}
		for (String named : List.of("--target", "--sprint-days", "--start")) {
			if (message.startsWith(named) || message.startsWith("give " + named)) {
				return named;
			}
		}
		return "--history";
	}

	private static double[] velocities(String file, String text) {
		List<Double> velocities = new ArrayList<>();
		String[] lines = text.split("\r?\n", -1);
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			try {
				double v = Double.parseDouble(line);
				if (!(v >= 0) || Double.isInfinite(v)) {
					throw new NumberFormatException();
				}
				velocities.add(v);
			}
			catch (NumberFormatException e) {
				throw CliProblem.invalid("--history",
						file + ", line " + (i + 1) + ": '" + line + "' is not a velocity (a number ≥ 0)");
			}
		}
		return velocities.stream().mapToDouble(Double::doubleValue).toArray();
	}

	private static void noWords(Arguments a) {
		if (!a.positional().isEmpty()) {
			throw CliProblem.invalid(a.positional().get(0), "unexpected argument '" + a.positional().get(0) + "'");
		}
	}

}
