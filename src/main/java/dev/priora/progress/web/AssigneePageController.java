package dev.priora.progress.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.priora.accounts.SignedInUser;
import dev.priora.accounts.Permission;
import dev.priora.accounts.Requires;
import dev.priora.problem.DomainProblem;
import dev.priora.backlog.ItemKey;
import dev.priora.progress.TeamService;
import dev.priora.web.HtmxToast;

/**
 * The item page's assignee: shown and changed in a part the item page loads (the team is
 * this module's, the item page the backlog's).
 */
@Controller
class AssigneePageController {

	static final String ASSIGNEE_FRAGMENT = "progress/assignee :: assignee";

	private final TeamService team;

	AssigneePageController(TeamService team) {
		this.team = team;
	}

	@GetMapping("/p/{key}/items/{itemKey}/assignee")
	String assignee(@PathVariable String key, @PathVariable String itemKey, Model m) {
		fill(ItemKey.inProduct(key, itemKey), m);
		return ASSIGNEE_FRAGMENT;
	}

	@PostMapping("/p/{key}/items/{itemKey}/assignee")
	@Requires(Permission.EDIT_BACKLOG)
	String assign(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @PathVariable String itemKey,
			@RequestParam(defaultValue = "") String member,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model m, RedirectAttributes redirect,
			HttpServletResponse response) {
		ItemKey item = ItemKey.inProduct(key, itemKey);
		Long memberId = memberId(member);
		team.assign(item, memberId, user.id());
		var now = team.assignees(key).get(item.toString());
		String toast = now == null ? item + " is unassigned." : item + " is assigned to " + now.name() + ".";
		if (htmx == null) {
			redirect.addFlashAttribute("toast", toast);
			return "redirect:/p/" + item.productKey() + "/items/" + item;
		}
		HtmxToast.show(response, toast);
		fill(item, m);
		return ASSIGNEE_FRAGMENT;
	}

	private void fill(ItemKey item, Model m) {
		m.addAttribute("itemKey", item.toString());
		m.addAttribute("members", team.members(item.productKey()));
		m.addAttribute("assignee", team.assignees(item.productKey()).get(item.toString()));
	}

	private static Long memberId(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(text.strip());
		}
		catch (NumberFormatException e) {
			throw DomainProblem.invalid("member", "must be a team member's id, or empty for nobody");
		}
	}

}
