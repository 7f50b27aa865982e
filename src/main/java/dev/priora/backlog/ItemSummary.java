package dev.priora.backlog;

import java.math.BigDecimal;
import java.util.List;

/**
 * An item as a backlog row: the list fields, readiness, dependency counts and, for epics,
 * the roll-up, customer demand ({@link ItemDemand#NONE} when nobody asked), and the
 * assignee's name (null: nobody).
 */
public record ItemSummary(ItemKey key, ItemType type, String title, ItemStatus status, BigDecimal estimate,
		List<String> labels, ItemKey parent, long version, Readiness readiness, DependencyBadge dependencies,
		EpicRollup rollup, ItemDemand demand, String assignee) {
}
