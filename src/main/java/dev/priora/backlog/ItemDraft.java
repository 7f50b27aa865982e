package dev.priora.backlog;

import java.math.BigDecimal;
import java.util.List;

/**
 * The editable fields of an item, used to create one or to replace all of them at once.
 * Null estimate means unestimated; null parent means none.
 */
public record ItemDraft(ItemType type, String title, String description, BigDecimal estimate, List<String> labels,
		ItemKey parent, List<AcceptanceCriterion> acceptanceCriteria) {

	public ItemDraft {
		description = description == null ? "" : description;
		labels = labels == null ? List.of() : List.copyOf(labels);
		acceptanceCriteria = acceptanceCriteria == null ? List.of() : List.copyOf(acceptanceCriteria);
	}

	/** The editable fields of an existing item, as a starting point for a change. */
	public static ItemDraft of(ItemView v) {
		return new ItemDraft(v.type(), v.title(), v.description(), v.estimate(), v.labels(), v.parent(),
				v.acceptanceCriteria());
	}
}
