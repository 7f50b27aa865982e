package dev.priora.backlog.web;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.priora.backlog.AcceptanceCriterion;
import dev.priora.problem.DomainProblem;
import dev.priora.backlog.ItemDraft;
import dev.priora.backlog.ItemType;
import dev.priora.backlog.ItemView;

/**
 * The item edit form as typed: every field a string, so that nothing the user typed is
 * lost on an error.
 */
record ItemForm(String type, String title, String description, String estimate, String labels, String parent,
		Long version) {

	static ItemForm of(ItemView v) {
		return new ItemForm(v.type().name(), v.title(), v.description(),
				v.estimate() == null ? "" : v.estimate().toPlainString(), String.join(", ", v.labels()),
				v.parent() == null ? "" : v.parent().toString(), v.version());
	}

	ItemDraft draft(String productKey, List<AcceptanceCriterion> criteria) {
		ItemType t;
		try {
			t = ItemType.valueOf(nz(type).toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw DomainProblem.invalid("type", "is required: one of EPIC, STORY, BUG, TASK, SPIKE");
		}
		BigDecimal points = estimate(estimate);
		List<String> labelList = Arrays.stream(nz(labels).split(","))
			.map(String::strip)
			.filter(s -> !s.isEmpty())
			.toList();
		return new ItemDraft(t, title, nz(description), points, labelList, ItemKeys.field("parent", productKey, parent),
				criteria);
	}

	/** An estimate as typed or chosen: null when blank; 400 naming it when no number. */
	static BigDecimal estimate(String text) {
		try {
			return nz(text).isBlank() ? null : new BigDecimal(text.strip());
		}
		catch (NumberFormatException e) {
			throw DomainProblem.invalid("estimate", "must be a number from the product's scale, or empty");
		}
	}

	long versionOrZero() {
		return version == null ? 0 : version;
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}
}
