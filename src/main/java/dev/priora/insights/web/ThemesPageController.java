package dev.priora.insights.web;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.priora.accounts.Permission;
import dev.priora.accounts.Requires;
import dev.priora.accounts.SignedInUser;
import dev.priora.backlog.ItemKey;
import dev.priora.insights.ThemeDetail;
import dev.priora.insights.ThemeItems;
import dev.priora.insights.Themes;

/**
 * The Themes list (with "Recompute" and its progress) and a theme's page with its edits:
 * rename, merge, split, move feedback, create an item (each a form, post/redirect/get).
 */
@Controller
class ThemesPageController {

	static final String LIST = "insights/themes";

	static final String THEME = "insights/theme";

	private final Themes themes;

	private final ThemeItems items;

	ThemesPageController(Themes themes, ThemeItems items) {
		this.themes = themes;
		this.items = items;
	}

	@GetMapping("/p/{key}/insights/themes")
	String list(@PathVariable String key, Model model) {
		model.addAttribute("themes", themes.list(key));
		model.addAttribute("job", themes.latestRecompute(key));
		model.addAttribute("waiting", themes.waiting(key));
		return LIST;
	}

	/** The recompute's progress, polled by the list while it runs. */
	@GetMapping("/p/{key}/insights/themes/progress")
	String progress(@PathVariable String key, Model model) {
		model.addAttribute("job", themes.latestRecompute(key));
		return LIST + " :: progress";
	}

	@PostMapping("/p/{key}/insights/recompute")
	@Requires(Permission.EDIT_BACKLOG)
	String recompute(@AuthenticationPrincipal SignedInUser user, @PathVariable String key,
			RedirectAttributes redirect) {
		themes.recompute(key, user.id());
		redirect.addFlashAttribute("toast", "Recomputing the themes in the background.");
		return "redirect:/p/" + key + "/insights/themes";
	}

	@PostMapping("/p/{key}/insights/recompute/cancel")
	@Requires(Permission.EDIT_BACKLOG)
	String cancel(@PathVariable String key, RedirectAttributes redirect) {
		themes.cancelRecompute(key);
		redirect.addFlashAttribute("toast", "Recompute cancelled; the themes stay as they were.");
		return "redirect:/p/" + key + "/insights/themes";
	}

	@GetMapping("/p/{key}/insights/themes/{id}")
	String theme(@PathVariable String key, @PathVariable long id, Model model) {
		ThemeDetail detail = themes.get(key, id);
		model.addAttribute("detail", detail);
		model.addAttribute("others", themes.choices(key).stream().filter(t -> t.id() != id).toList());
		model.addAttribute("draft", ThemeItems.draft(detail));
		return THEME;
	}

	@PostMapping("/p/{key}/insights/themes/{id}/rename")
	@Requires(Permission.EDIT_BACKLOG)
	String rename(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @PathVariable long id,
			@RequestParam(required = false) String name, RedirectAttributes redirect) {
		ThemeDetail d = themes.rename(key, id, name, user.id());
		redirect.addFlashAttribute("toast", "Theme renamed to \u201c" + d.theme().name() + "\u201d.");
		return "redirect:/p/" + key + "/insights/themes/" + id;
	}

	@PostMapping("/p/{key}/insights/themes/{id}/merge")
	@Requires(Permission.EDIT_BACKLOG)
	String merge(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @PathVariable long id,
			@RequestParam(required = false) Long into, RedirectAttributes redirect) {
		ThemeDetail d = themes.merge(key, id, into, user.id());
		redirect.addFlashAttribute("toast", "Merged into \u201c" + d.theme().name() + "\u201d.");
		return "redirect:/p/" + key + "/insights/themes/" + d.theme().id();
	}

	@PostMapping("/p/{key}/insights/themes/{id}/split")
	@Requires(Permission.EDIT_BACKLOG)
	String split(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @PathVariable long id,
			RedirectAttributes redirect) {
		ThemeDetail d = themes.split(key, id, user.id());
		redirect.addFlashAttribute("toast",
				"Split: " + d.theme().feedback() + " feedback now form \u201c" + d.theme().name() + "\u201d.");
		return "redirect:/p/" + key + "/insights/themes/" + id;
	}

	@PostMapping("/p/{key}/insights/themes/{id}/move")
	@Requires(Permission.EDIT_BACKLOG)
	String move(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @PathVariable long id,
			@RequestParam(required = false) List<Long> feedbackIds, @RequestParam(required = false) Long to,
			RedirectAttributes redirect) {
		ThemeDetail d = themes.move(key, id, feedbackIds, to, user.id());
		int n = feedbackIds == null ? 0 : feedbackIds.size();
		redirect.addFlashAttribute("toast",
				"Moved " + n + (n == 1 ? " feedback" : " feedback") + " to \u201c" + d.theme().name() + "\u201d.");
		return "redirect:/p/" + key + "/insights/themes/" + id;
	}

	@PostMapping("/p/{key}/insights/themes/{id}/item")
	@Requires(Permission.EDIT_BACKLOG)
	String item(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @PathVariable long id,
			@RequestParam(required = false) String type, @RequestParam(required = false) String title,
			@RequestParam(required = false) String description, RedirectAttributes redirect) {
		ItemKey item = items.create(key, id, type, title, description, user.id());
		redirect.addFlashAttribute("toast", "Created " + item + " and linked the theme's feedback to it.");
		return "redirect:/p/" + key + "/insights/themes/" + id;
	}

}
