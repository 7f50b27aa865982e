package dev.priora.search.web;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.priora.accounts.SignedInUser;
import dev.priora.search.SearchResult;
import dev.priora.search.SearchService;

/** Search across the products the caller may see: the command palette's item results. */
@RestController
@Tag(name = "Search")
class SearchApiController {

	private final SearchService search;

	SearchApiController(SearchService search) {
		this.search = search;
	}

	/**
	 * The query as understood and the items found, best first; {@code indexBuilding}
	 * while the server is still building its search index (seconds after a start, or
	 * after a bulk import): then the results are the item with the typed key and the best
	 * of the items indexed so far, and some may be missing.
	 */
	record Results(String query, String product, List<SearchResult> results, boolean indexBuilding) {
	}

	@GetMapping("/api/v1/search")
	@Operation(summary = "Find items by key or words",
			description = "Ranked by Lucene BM25 over key, title, labels and description; only products the caller "
					+ "holds a role in (and, for a token, within its scope). Matched words are marked in "
					+ "highlightedTitle and snippet.")
	Results search(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String q,
			@RequestParam(required = false) String product, @RequestParam(defaultValue = "20") int limit) {
		SearchService.Answer answer = search.search(user, q, product, limit);
		return new Results(q, product, answer.items(), answer.indexBuilding());
	}

}
