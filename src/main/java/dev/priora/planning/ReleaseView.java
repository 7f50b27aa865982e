package dev.priora.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A release with its capacity (typed, or the sum of its sprints'), the points planned in
 * it, whether that is over capacity, and its items.
 */
public record ReleaseView(long id, String name, LocalDate targetDate, BigDecimal capacity, boolean capacityFromSprints,
		ReleaseStatus status, BigDecimal planned, List<PlannedItem> items, long version) {

	@com.fasterxml.jackson.annotation.JsonProperty("overCapacity")
	public boolean overCapacity() {
		return planned.compareTo(capacity) > 0;
	}

	@com.fasterxml.jackson.annotation.JsonProperty("percent")
	public int percent() {
		return capacity.signum() == 0 ? (planned.signum() > 0 ? 100 : 0)
				: planned.multiply(BigDecimal.valueOf(100))
					.divide(capacity, 0, java.math.RoundingMode.HALF_UP)
					.intValue();
	}

	/** An item planned in a release (and maybe a sprint). */
	public record PlannedItem(String key, String title, String status, BigDecimal estimate, Long sprintId) {
	}

}
