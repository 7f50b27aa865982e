package dev.priora.progress.web;

import java.util.List;
import java.util.Locale;

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
import dev.priora.progress.WhatItTakes;

/**
 * "What would it take" on the release page: the preview as a fragment (loaded by htmx,
 * the confidence changed in place) and its apply (post/redirect/get to the release page).
 */
@Controller
class WhatItTakesPageController {

	static final String FRAGMENT = "progress/what-it-takes :: what-it-takes";

	private final WhatItTakes whatItTakes;

	WhatItTakesPageController(WhatItTakes whatItTakes) {
		this.whatItTakes = whatItTakes;
	}

	@GetMapping("/p/{key}/releases/{id}/what-it-takes")
	String preview(@PathVariable String key, @PathVariable long id,
			@RequestParam(defaultValue = "85") double confidence, Model m) {
		m.addAttribute("take", whatItTakes.preview(key, id, Math.max(50, Math.min(99, confidence)) / 100));
		return FRAGMENT;
	}

	@PostMapping("/p/{key}/releases/{id}/what-it-takes")
	@Requires(Permission.EDIT_BACKLOG)
	String apply(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @PathVariable long id,
			@RequestParam(defaultValue = "85") double confidence,
			@RequestParam(name = "item", required = false) List<String> items,
			@RequestParam(defaultValue = "next") String to, RedirectAttributes redirect) {
		var after = whatItTakes.apply(key, id, confidence / 100, items, "next".equals(to), user.id());
		int n = items == null ? 0 : items.size();
		redirect.addFlashAttribute("toast", n + (n == 1 ? " item" : " items") + " moved out of " + after.release()
				+ (after.oddsNow() != null ? "; its odds are now " + Math.round(after.oddsNow() * 100) + " %." : "."));
		return "redirect:/p/" + key.toUpperCase(Locale.ROOT) + "/releases/" + id + "/progress";
	}

}
