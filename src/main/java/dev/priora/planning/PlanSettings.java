package dev.priora.planning;

import java.util.List;
import java.util.Map;

import dev.priora.planning.engine.ReleaseOptimizer.ValueMode;

/**
 * What to plan: the value to maximize (ITEM: the active score; TYPED: the values typed in
 * {@code values} by item key, 0 for the others; CUSTOMER: a customer's value counts when
 * all it asked for is planned), the candidates (ALL_OPEN, or READY: ready and in
 * progress), the releases (empty: every release not yet released), the discount per later
 * release (0 to 0.9), the time limit in seconds (1 to 600), pins by item key, and whether
 * items of started sprints stay in their release ({@code keepStartedSprints}, default
 * true: they are pinned there, as the team is working on them), and {@code confidence}
 * (null: a plain plan; 0.5 to 0.99: "only what we can promise", each release filled only
 * up to the points the team finishes by its target date with that probability, see
 * {@link ReleasePromises}).
 */
public record PlanSettings(String name, ValueMode value, Candidates candidates, List<Long> releases, Double discount,
		Integer timeLimitSeconds, List<String> mustInclude, List<String> mustExclude, Map<String, Long> fixedRelease,
		Map<String, Double> values, Boolean keepStartedSprints, Double confidence) {

	/** Which items may be planned. */
	public enum Candidates {

		ALL_OPEN, READY

	}

	public PlanSettings {
		value = value == null ? ValueMode.ITEM : value;
		candidates = candidates == null ? Candidates.ALL_OPEN : candidates;
		releases = releases == null ? List.of() : List.copyOf(releases);
		discount = discount == null ? 0.1 : discount;
		timeLimitSeconds = timeLimitSeconds == null ? 20 : timeLimitSeconds;
		mustInclude = mustInclude == null ? List.of() : List.copyOf(mustInclude);
		mustExclude = mustExclude == null ? List.of() : List.copyOf(mustExclude);
		fixedRelease = fixedRelease == null ? Map.of() : Map.copyOf(fixedRelease);
		values = values == null ? Map.of() : Map.copyOf(values);
		keepStartedSprints = keepStartedSprints == null ? Boolean.TRUE : keepStartedSprints;
	}

	/** A plain plan (no confidence). */
	public PlanSettings(String name, ValueMode value, Candidates candidates, List<Long> releases, Double discount,
			Integer timeLimitSeconds, List<String> mustInclude, List<String> mustExclude,
			Map<String, Long> fixedRelease, Map<String, Double> values, Boolean keepStartedSprints) {
		this(name, value, candidates, releases, discount, timeLimitSeconds, mustInclude, mustExclude, fixedRelease,
				values, keepStartedSprints, null);
	}

	/** The default confidence of "only what we can promise". */
	public static final double DEFAULT_CONFIDENCE = 0.85;

	/** Whether this is an "only what we can promise" plan. */
	public boolean promise() {
		return confidence != null;
	}

	/** Settings that keep items of started sprints in their release. */
	public PlanSettings(String name, ValueMode value, Candidates candidates, List<Long> releases, Double discount,
			Integer timeLimitSeconds, List<String> mustInclude, List<String> mustExclude,
			Map<String, Long> fixedRelease, Map<String, Double> values) {
		this(name, value, candidates, releases, discount, timeLimitSeconds, mustInclude, mustExclude, fixedRelease,
				values, null, null);
	}

}
