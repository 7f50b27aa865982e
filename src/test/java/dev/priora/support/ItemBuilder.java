package dev.priora.support;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** A backlog item. See {@link Fixtures#aStory(String)}. */
public final class ItemBuilder extends RequestBuilder<ItemBuilder> {

	ItemBuilder(String type, String title) {
		with("type", type);
		with("title", title);
	}

	public ItemBuilder estimate(Number points) {
		return with("estimate", new BigDecimal(points.toString()));
	}

	/** The estimate written as text, e.g. {@code "2.5"}. */
	public ItemBuilder estimate(String points) {
		return with("estimate", new BigDecimal(points));
	}

	public ItemBuilder description(String description) {
		return with("description", description);
	}

	public ItemBuilder labels(String... labels) {
		return with("labels", List.of(labels));
	}

	/** Acceptance criteria, none of them done. */
	public ItemBuilder criteria(String... statements) {
		return with("acceptanceCriteria", Arrays.stream(statements).map(s -> Map.of("statement", s)).toList());
	}

	/** The key of the item (an epic) this one belongs to. */
	public ItemBuilder parent(String parentKey) {
		return with("parent", parentKey);
	}

	/**
	 * Ready to plan by the definition of ready: a description ("Why and what") and an
	 * acceptance criterion ("It works"), unless given; the estimate is the test's.
	 */
	public ItemBuilder ready() {
		if (!has("description")) {
			description("Why and what");
		}
		return has("acceptanceCriteria") ? this : criteria("It works");
	}

	/** Creates the item at the bottom of {@code product}'s backlog; answers its key. */
	public String in(TestProduct product) {
		return create(product.api(), product.path("/items")).json().get("key").asText();
	}

}
