package dev.priora.backlog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** An item with everything shown on its page. */
public record ItemView(ItemKey key, ItemType type, String title, String description, BigDecimal estimate,
		ItemStatus status, List<String> labels, ItemKey parent, String parentTitle,
		List<AcceptanceCriterion> acceptanceCriteria, Instant createdAt, String createdBy, Instant updatedAt,
		String updatedBy, long version, Readiness readiness, ItemLinks links, EpicRollup rollup,
		List<ItemSummary> children) {
}
