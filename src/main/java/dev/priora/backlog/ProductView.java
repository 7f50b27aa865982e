package dev.priora.backlog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A product in the workspace. */
public record ProductView(ProductId id, String key, String name, String vision, List<BigDecimal> estimateScale,
		EstimateUnit estimateUnit, Instant createdAt, Instant updatedAt, long version) {
}
