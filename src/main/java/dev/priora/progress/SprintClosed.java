package dev.priora.progress;

import java.math.BigDecimal;
import java.util.List;

/** A sprint was closed: its completed points and the items that spilled over. */
public record SprintClosed(String productKey, long sprintId, String name, BigDecimal committed, BigDecimal completed,
		List<String> spillover) {
}
