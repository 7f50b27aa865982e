package dev.priora.backlog;

import dev.priora.problem.DomainProblem;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The human key of an item, product key and number: {@code PAY-42}. */
public record ItemKey(String productKey, long number) {

	private static final Pattern FORMAT = Pattern.compile("([A-Z][A-Z0-9]{1,9})-([1-9][0-9]{0,11})");

	public ItemKey {
		if (!Products.isValidKey(productKey) || number < 1) {
			throw new IllegalArgumentException("not an item key: " + productKey + "-" + number);
		}
	}

	/** Parses {@code PAY-42} (case-insensitive); empty when the text is no item key. */
	public static Optional<ItemKey> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		Matcher m = FORMAT.matcher(text.strip().toUpperCase(java.util.Locale.ROOT));
		return m.matches() ? Optional.of(new ItemKey(m.group(1), Long.parseLong(m.group(2)))) : Optional.empty();
	}

	/**
	 * An item of the product given as {@code PAY-42} or just {@code 42}; 404 when it is
	 * no key of that product.
	 */
	public static ItemKey inProduct(String productKey, String text) {
		String p = productKey.toUpperCase(java.util.Locale.ROOT);
		String t = text == null ? "" : text.strip();
		String full = !t.isEmpty() && t.chars().allMatch(Character::isDigit) ? p + "-" + t : t;
		return parse(full).filter(k -> k.productKey().equals(p))
			.orElseThrow(() -> DomainProblem.notFound("Item " + text));
	}

	@Override
	public String toString() {
		return productKey + "-" + number;
	}
}
