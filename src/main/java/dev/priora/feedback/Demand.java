package dev.priora.feedback;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Customer demand for an item: distinct customers asking, their yearly revenue per
 * currency, and the importance score (each customer counted once, at their highest
 * importance: nice-to-have 1, important 2, critical 3), in all and per segment. Feedback
 * without a customer counts in {@code anonymousFeedback} only.
 */
public record Demand(int customers, Map<String, BigDecimal> revenue, int importance, Map<String, Segment> segments,
		int anonymousFeedback) {

	/** Demand within one customer segment. */
	public record Segment(int customers, int importance) {
	}

}
