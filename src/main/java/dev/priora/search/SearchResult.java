package dev.priora.search;

import java.util.List;

/**
 * A found item: {@code key} like {@code SHOP-12}, its product, type and status as enum
 * names, its title, {@code title} again with the query's words marked, and
 * {@code snippet}: the part of the description where they occur (empty when they occur
 * only in the title, key or labels). {@code path} is the item page.
 */
public record SearchResult(String key, String productKey, String productName, String type, String status, String title,
		List<Highlight> highlightedTitle, List<Highlight> snippet, String path) {

	/** A piece of text; {@code match} when it is one of the query's words. */
	public record Highlight(String text, boolean match) {
	}

	public SearchResult {
		highlightedTitle = List.copyOf(highlightedTitle);
		snippet = List.copyOf(snippet);
	}

}
