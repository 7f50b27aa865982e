package dev.priora.refinement.health;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.priora.problem.DomainProblem;

/**
 * A product's health settings: how many items at the top of the backlog should be ready
 * ({@code topN}, 1 to 200) and after how many days an untouched open item is stale
 * ({@code staleDays}, 7 to 3650).
 */
public record HealthSettings(int topN, int staleDays) {

	public static final HealthSettings DEFAULT = new HealthSettings(20, 90);

	public static final int MAX_TOP = 200;

	public static final int MIN_STALE = 7;

	public static final int MAX_STALE = 3650;

	public HealthSettings {
		if (topN < 1 || topN > MAX_TOP || staleDays < MIN_STALE || staleDays > MAX_STALE) {
			throw new IllegalArgumentException("settings out of range: " + topN + ", " + staleDays);
		}
	}

	/**
	 * The settings when both are given and in range; otherwise 400 naming each field that
	 * is not.
	 */
	public static HealthSettings checked(Integer topN, Integer staleDays) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (topN == null || topN < 1 || topN > MAX_TOP) {
			errors.put("topN", "must be a whole number from 1 to " + MAX_TOP);
		}
		if (staleDays == null || staleDays < MIN_STALE || staleDays > MAX_STALE) {
			errors.put("staleDays", "must be a whole number of days from " + MIN_STALE + " to " + MAX_STALE);
		}
		if (!errors.isEmpty()) {
			throw DomainProblem.invalid(errors);
		}
		return new HealthSettings(topN, staleDays);
	}

}
