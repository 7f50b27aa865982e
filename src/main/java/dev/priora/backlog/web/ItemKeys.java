package dev.priora.backlog.web;

import java.util.Locale;

import dev.priora.problem.DomainProblem;
import dev.priora.backlog.ItemKey;
import dev.priora.backlog.Placement;

/** Reads item keys and placements from paths, parameters and bodies. */
final class ItemKeys {

	private ItemKeys() {
	}

	/**
	 * The key in a path under a product: {@code PAY-42} or just {@code 42}; 404 when it
	 * names another product.
	 */
	static ItemKey inPath(String productKey, String text) {
		return ItemKey.inProduct(productKey, text);
	}

	/** A key given as a field value; 400 naming the field when it is no item key. */
	static ItemKey field(String field, String productKey, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String full = text.strip().chars().allMatch(Character::isDigit)
				? productKey.toUpperCase(Locale.ROOT) + "-" + text.strip() : text;
		return ItemKey.parse(full)
			.orElseThrow(
					() -> DomainProblem.invalid(field, "'" + abbreviate(text) + "' is not an item key like PAY-42"));
	}

	static Placement placement(String position, String productKey, String target) {
		String p = position == null ? "bottom" : position.strip().toLowerCase(Locale.ROOT);
		return switch (p) {
			case "top" -> new Placement.Top();
			case "bottom" -> new Placement.Bottom();
			case "before" -> new Placement.Before(required(field("target", productKey, target)));
			case "after" -> new Placement.After(required(field("target", productKey, target)));
			default -> throw DomainProblem.invalid("position", "must be top, bottom, before or after");
		};
	}

	private static ItemKey required(ItemKey key) {
		if (key == null) {
			throw DomainProblem.invalid("target", "is required for before and after");
		}
		return key;
	}

	private static String abbreviate(String s) {
		return s.length() > 30 ? s.substring(0, 30) + "…" : s;
	}

}
