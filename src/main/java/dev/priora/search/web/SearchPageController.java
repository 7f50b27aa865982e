package dev.priora.search.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import dev.priora.accounts.Permission;
import dev.priora.accounts.ProductRoles;
import dev.priora.accounts.SignedInUser;
import dev.priora.search.SearchService;

/**
 * The command palette's results (an htmx fragment: items, pages of the sidebar, actions)
 * and, without htmx, the same as a search page.
 */
@Controller
class SearchPageController {

	static final String PAGE_VIEW = "search/search";

	static final String RESULTS_FRAGMENT = "search/search :: results";

	private static final int LIMIT = 12;

	private final SearchService search;

	private final ProductRoles roles;

	SearchPageController(SearchService search, ProductRoles roles) {
		this.search = search;
		this.roles = roles;
	}

	/** Something the palette can start: its label, where it goes, its shortcut. */
	record Action(String label, String href, String hint) {
	}

	@GetMapping("/search")
	String search(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String q,
			@RequestParam(required = false) String here,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		String query = q.length() > 200 ? q.substring(0, 200) : q;
		model.addAttribute("q", query);
		model.addAttribute("needle", query.strip().toLowerCase(Locale.ROOT));
		SearchService.Answer answer = search.search(user, query, null, LIMIT);
		model.addAttribute("results", answer.items());
		model.addAttribute("indexBuilding", answer.indexBuilding());
		model.addAttribute("actions", actions(user, here, query));
		return htmx == null ? PAGE_VIEW : RESULTS_FRAGMENT;
	}

	private List<Action> actions(SignedInUser user, String here, String q) {
		List<Action> out = new ArrayList<>();
		if (here == null || here.isBlank() || !roles.canSee(user, here.strip())) {
			return out;
		}
		String key = here.strip();
		var role = roles.roleOf(user, key).orElseThrow();
		if (role.allows(Permission.EDIT_BACKLOG)) {
			out.add(new Action("New item", "/p/" + key + "/backlog#new-title",
					"Add a story, bug or task to the backlog"));
		}
		if (role.allows(Permission.SUBMIT_FEEDBACK)) {
			out.add(new Action("New feedback", "/p/" + key + "/feedback#add-feedback-dialog",
					"Record what a customer asked for"));
		}
		String needle = q.strip().toLowerCase(Locale.ROOT);
		return out.stream()
			.filter(a -> needle.isEmpty() || a.label().toLowerCase(Locale.ROOT).contains(needle)
					|| needle.startsWith("new") || a.hint().toLowerCase(Locale.ROOT).contains(needle))
			.toList();
	}

}
