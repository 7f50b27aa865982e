package dev.priora.bench;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.priora.planning.NrpPlans;

/**
 * The in-app planner's model (the release optimizer with customer value, as "Plan for me"
 * runs it) on every Next Release Problem instance in {@code ../shared/data/nrp} at budget
 * ratios 0.3, 0.5 and 0.7, split into {@code releases} releases of budget / releases each
 * with a discount per release: value found, the proven bound and the gap, seconds, the
 * best value within 2 seconds, and for one release without discount the distance to the
 * optimum in that folder's README. Usage:
 * {@code ReleasesBenchmark releases discount time-limit-seconds [data-dir] [instance ...]}.
 */
public final class ReleasesBenchmark {

	private ReleasesBenchmark() {
	}

	private static final List<String> ALL = List.of("classic/nrp1", "classic/nrp2", "classic/nrp3", "classic/nrp4",
			"classic/nrp5", "realistic/nrp-e1", "realistic/nrp-e2", "realistic/nrp-e3", "realistic/nrp-e4",
			"realistic/nrp-g1", "realistic/nrp-g2", "realistic/nrp-g3", "realistic/nrp-g4");

	public static void main(String[] args) throws Exception {
		int releases = args.length > 0 ? Integer.parseInt(args[0]) : 1;
		double discount = args.length > 1 ? Double.parseDouble(args[1]) : 0;
		double limit = args.length > 2 ? Double.parseDouble(args[2]) : 30;
		Path dir = Path.of(args.length > 3 ? args[3] : "../shared/data/nrp");
		List<String> names = args.length > 4 ? List.of(args).subList(4, args.length) : ALL;
		Map<String, Long> optima = NrpBenchmark.optima(dir);
		boolean plain = releases == 1 && discount == 0;
		System.out.printf(Locale.ROOT, "%d release(s), discount %.2f, %.0f s, 2 workers%n", releases, discount, limit);
		System.out.println("| instance | ratio | found | bound | gap | proven | seconds | best within 2 s |"
				+ (plain ? " optimum (README) | found / within 2 s below it |" : ""));
		System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |" + (plain ? " --- | --- |" : ""));
		int proven = 0;
		int cases = 0;
		double worstGap = 0;
		double worstEarly = 0;
		for (String name : names) {
			String text = Files.readString(dir.resolve(name + ".txt"));
			String id = name.substring(name.indexOf('/') + 1);
			for (String ratio : List.of("0.3", "0.5", "0.7")) {
				var r = NrpPlans.solveReleases(text, new BigDecimal(ratio), releases, discount, limit, 2);
				double gap = r.bound() <= 0 ? 0 : 100.0 * (r.bound() - r.objective()) / r.bound();
				cases++;
				proven += r.optimal() ? 1 : 0;
				worstGap = Math.max(worstGap, gap);
				String line = String.format(Locale.ROOT, "| %s | %s | %d | %d | %.2f %% | %s | %.1f | %d |", id, ratio,
						r.objective(), r.bound(), gap, r.optimal() ? "yes" : "no", r.seconds(),
						r.bestAfterTwoSeconds());
				if (plain) {
					long optimum = optima.getOrDefault(id + "@" + ratio, -1L);
					double below = optimum <= 0 ? 0 : 100.0 * (optimum - r.objective()) / optimum;
					double early = optimum <= 0 ? 0
							: 100.0 * (optimum - Math.max(0, r.bestAfterTwoSeconds())) / optimum;
					worstEarly = Math.max(worstEarly, early);
					line += String.format(Locale.ROOT, " %d | %.2f %% / %.2f %% |", optimum, below, early);
				}
				System.out.println(line);
			}
		}
		System.out.printf(Locale.ROOT, "%d of %d proven optimal; largest gap to the bound %.2f %%%s%n", proven, cases,
				worstGap, plain ? String.format(Locale.ROOT, "; largest distance after 2 s %.2f %%", worstEarly) : "");
	}

}
