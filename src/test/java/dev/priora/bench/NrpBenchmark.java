package dev.priora.bench;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.priora.planning.engine.NrpInstance;
import dev.priora.planning.engine.NrpParser;
import dev.priora.planning.engine.NrpSolver;

/**
 * The release optimizer on every Next Release Problem instance in
 * {@code ../shared/data/nrp} at budget ratios 0.3, 0.5 and 0.7, against the optima in
 * that folder's README: value found, whether it is proven optimal, seconds, the best
 * value after one second, and rank-order filling's value. Usage:
 * {@code NrpBenchmark [time-limit-seconds] [data-dir]}.
 */
public final class NrpBenchmark {

	private NrpBenchmark() {
	}

	/**
	 * The proven optima in the folder's README, by "instance@ratio" (e.g. "nrp1@0.3").
	 */
	public static Map<String, Long> optima(Path dir) throws java.io.IOException {
		Map<String, Long> optima = new HashMap<>();
		for (String line : Files.readAllLines(dir.resolve("README.md"))) {
			String[] cells = line.split("\\|");
			if (cells.length > 7 && cells[1].strip().startsWith("nrp")) {
				optima.put(cells[1].strip() + "@" + cells[2].strip(), Long.parseLong(cells[6].strip()));
			}
		}
		return optima;
	}

	public static void main(String[] args) throws Exception {
		double limit = args.length > 0 ? Double.parseDouble(args[0]) : 30;
		Path dir = Path.of(args.length > 1 ? args[1] : "../shared/data/nrp");
		Map<String, Long> optima = optima(dir);
		System.out
			.println("| instance | ratio | optimum | found | proven | seconds | best after 1 s | rank-order filling |");
		System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
		int proven = 0;
		int cases = 0;
		double worst = 0;
		for (String name : List.of("classic/nrp1", "classic/nrp2", "classic/nrp3", "classic/nrp4", "classic/nrp5",
				"realistic/nrp-e1", "realistic/nrp-e2", "realistic/nrp-e3", "realistic/nrp-e4", "realistic/nrp-g1",
				"realistic/nrp-g2", "realistic/nrp-g3", "realistic/nrp-g4")) {
			NrpInstance in = NrpParser.parse(Files.readString(dir.resolve(name + ".txt")));
			for (String ratio : List.of("0.3", "0.5", "0.7")) {
				long budget = in.budget(new BigDecimal(ratio));
				long[] atOneSecond = { -1 };
				var r = NrpSolver.solve(in, budget, NrpSolver.Settings.defaults(limit), (value, bound, seconds) -> {
					if (seconds <= 1.0) {
						atOneSecond[0] = Math.max(atOneSecond[0], value);
					}
				}, () -> false);
				String id = name.substring(name.indexOf('/') + 1);
				long optimum = optima.getOrDefault(id + "@" + ratio, -1L);
				long early = atOneSecond[0] < 0 ? r.greedyObjective() : Math.max(atOneSecond[0], r.greedyObjective());
				cases++;
				proven += r.optimal() ? 1 : 0;
				worst = Math.max(worst, r.seconds());
				System.out.printf("| %s | %s | %d | %d | %s | %.1f | %d (%.2f %% below) | %d |%n", id, ratio, optimum,
						r.objective(), r.optimal() ? "yes" : "no (bound " + r.bound() + ")", r.seconds(), early,
						optimum <= 0 ? 0 : 100.0 * (optimum - early) / optimum, r.greedyObjective());
				if (optimum >= 0 && r.objective() > optimum) {
					throw new IllegalStateException("found more than the optimum: " + id + "@" + ratio);
				}
			}
		}
		System.out.printf("%d of %d proven optimal; slowest %.1f s%n", proven, cases, worst);
	}

}
