package dev.priora.search;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Service;

import dev.priora.accounts.ProductRoles;
import dev.priora.accounts.SignedInUser;
import dev.priora.problem.DomainProblem;
import dev.priora.backlog.ProductService;
import dev.priora.backlog.ProductView;
import dev.priora.search.engine.ItemTextIndex;

/**
 * Finds items by key or words across the products a user may see (a role there, and
 * within an API token's scope), ranked by Lucene ({@link ItemTextIndex}). The palette and
 * {@code GET /api/v1/search} both answer from here.
 */
@Service
public class SearchService {

	/** Most results one search returns. */
	public static final int MAX_LIMIT = 50;

	/** Longest description snippet, in characters. */
	static final int SNIPPET = 160;

	private final ItemSearchIndex index;

	private final ProductService products;

	private final ProductRoles roles;

	SearchService(ItemSearchIndex index, ProductService products, ProductRoles roles) {
		this.index = index;
		this.products = products;
		this.roles = roles;
	}

	/**
	 * A search's items, best first, and whether the index was still being built (the node
	 * started moments ago, or a bulk import is being indexed): then {@code items} are the
	 * item with the typed key and the best of the items indexed so far; some may be
	 * missing.
	 */
	public record Answer(List<SearchResult> items, boolean indexBuilding) {

		public Answer {
			items = List.copyOf(items);
		}

	}

	/**
	 * The best {@code limit} items for {@code text}, best first. {@code product} (a key,
	 * or null for every visible product) narrows the search; a product the user may not
	 * see is answered as not found.
	 */
	public Answer search(SignedInUser user, String text, String product, int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw DomainProblem.invalid("limit", "must be from 1 to " + MAX_LIMIT);
		}
		Set<String> visible = visibleProducts(user);
		if (product != null && !product.isBlank()) {
			if (!visible.contains(product.strip())) {
				throw DomainProblem.notFound("Product " + product.strip());
			}
			visible = Set.of(product.strip());
		}
		if (text == null || text.isBlank()) {
			// the palette asks with a blank text when it opens: bring the index up to
			// date
			// while the user types
			index.warm();
			return new Answer(List.of(), !index.ready());
		}
		ItemSearchIndex.Found found = index.search(text, visible, limit);
		return new Answer(found.rows().stream().map(r -> result(text, r)).toList(), found.building());
	}

	/** The keys of the products the user may see. */
	Set<String> visibleProducts(SignedInUser user) {
		Collection<String> held = roles.productKeysOf(user);
		Set<String> keys = new TreeSet<>();
		for (ProductView p : products.list()) {
			if ((held == null || held.contains(p.key())) && user.scope().reaches(p.key())) {
				keys.add(p.key());
			}
		}
		return keys;
	}

	private SearchResult result(String text, SearchRepository.FoundRow r) {
		String key = r.productKey() + "-" + r.number();
		List<ItemTextIndex.Segment> title = index.highlight(text, r.title());
		List<ItemTextIndex.Segment> snippet = index.snippet(text, r.description());
		return new SearchResult(key, r.productKey(), r.productName(), r.type(), r.status(), r.title(),
				title == null ? List.of(new SearchResult.Highlight(r.title(), false))
						: convert(title, Integer.MAX_VALUE),
				snippet == null ? List.of() : convert(snippet, SNIPPET), "/p/" + r.productKey() + "/items/" + key);
	}

	/** The segments as results, cut to about {@code max} characters. */
	private static List<SearchResult.Highlight> convert(List<ItemTextIndex.Segment> segments, int max) {
		List<SearchResult.Highlight> out = new java.util.ArrayList<>();
		int used = 0;
		for (ItemTextIndex.Segment s : segments) {
			String t = s.text().replaceAll("\\s+", " ");
			if (used + t.length() > max) {
				if (!s.match() && max - used > 20) {
					out.add(new SearchResult.Highlight(t.substring(0, max - used) + "…", false));
				}
				break;
			}
			out.add(new SearchResult.Highlight(t, s.match()));
			used += t.length();
		}
		return out;
	}

}
