package dev.priora.prioritization;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import dev.priora.backlog.ItemStatus;
import dev.priora.backlog.ItemType;
import dev.priora.prioritization.engine.Score;

/**
 * One item under one model: the item's fields that matter for prioritizing, its typed-in
 * inputs, and its score with the breakdown (or what is missing).
 */
public record ItemScore(String key, String title, ItemType type, ItemStatus status, String epic, List<String> labels,
		BigDecimal estimate, boolean open, Map<String, String> inputs, Score score) {

	/** The score's value, null when the item is not scorable. */
	public Double scoreValue() {
		return score.value();
	}

}
