package dev.priora.planning.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.priora.bench.NrpBenchmark;
import org.junit.jupiter.api.Test;

/**
 * The engine against published optima: the quick instances of {@code ../shared/data/nrp}
 * (skipped when that folder is absent; the full set is the benchmark).
 */
class NrpSharedInstancesTest {

	private static final Path DATA = Path.of("../shared/data/nrp");

	@Test
	void provesThePublishedOptimaOfTheQuickInstances() throws Exception {
		assumeTrue(Files.isDirectory(DATA), "../shared/data/nrp is not here; skipping the published optima");
		Map<String, Long> optima = NrpBenchmark.optima(DATA);
		for (String name : List.of("classic/nrp1", "classic/nrp3", "realistic/nrp-g4")) {
			NrpInstance in = NrpParser.parse(Files.readString(DATA.resolve(name + ".txt")));
			String id = name.substring(name.indexOf('/') + 1);
			for (String ratio : List.of("0.3", "0.5", "0.7")) {
				NrpSolver.Result r = NrpSolver.solve(in, in.budget(new BigDecimal(ratio)),
						NrpSolver.Settings.defaults(60), NrpSolver.Progress.NONE, () -> false);
				assertThat(r.optimal()).as(id + "@" + ratio).isTrue();
				assertThat(r.objective()).as(id + "@" + ratio).isEqualTo(optima.get(id + "@" + ratio));
			}
		}
	}

}
