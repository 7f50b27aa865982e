package dev.priora.planning;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A sprint: dates, capacity in points, goal, and the release it belongs to (may be null).
 */
public record SprintView(long id, String name, LocalDate start, LocalDate end, BigDecimal capacity, String goal,
		Long releaseId, long version) {
}
