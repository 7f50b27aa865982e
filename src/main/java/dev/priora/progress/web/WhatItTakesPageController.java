package dev.priora.progress.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import dev.priora.accounts.Permission;
import dev.priora.accounts.Requires;
import dev.priora.accounts.SignedInUser;
import dev.priora.planning.PlanningService;
import dev.priora.planning.ReleaseMoves;
import dev.priora.problem.DomainProblem;
import dev.priora.progress.WhatItTakes;

/**
 * "What would it take" on the release page: the preview as a fragment (loaded by htmx,
 * the confidence changed in place; opened directly, the release page) and its apply
 * (post/redirect/get to the release page). A confidence that is not a whole percentage
 * from 50 to 99 is refused under its field, with what was typed.
 */
@Controller
class WhatItTakesPageController {

	static final String FRAGMENT = "progress/what-it-takes :: what-it-takes";

	static final String CONFIDENCE_RULE = "Confidence (%) must be a whole number from 50 to 99.";

	private final WhatItTakes whatItTakes;

	private final PlanningService planning;

	WhatItTakesPageController(WhatItTakes whatItTakes, PlanningService planning) {
		this.whatItTakes = whatItTakes;
		this.planning = planning;
	}

	@GetMapping("/p/{key}/releases/{id}/what-it-takes")
	String preview(@PathVariable String key, @PathVariable long id,
			@RequestParam(defaultValue = "85") String confidence,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model m) {
		if (!"true".equals(htmx)) {
			planning.release(key, id);
			return "redirect:" + progressPage(key, id) + "#what-it-takes";
		}
		Integer pct = percent(confidence);
		m.addAttribute("releaseId", id);
		if (pct == null) {
			m.addAttribute("typed", confidence);
			m.addAttribute("confidenceError", CONFIDENCE_RULE);
			return FRAGMENT;
		}
		m.addAttribute("take", whatItTakes.preview(key, id, pct / 100.0));
		return FRAGMENT;
	}

	@PostMapping("/p/{key}/releases/{id}/what-it-takes")
	@Requires(Permission.EDIT_BACKLOG)
	String apply(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @PathVariable long id,
			@RequestParam(defaultValue = "85") String confidence,
			@RequestParam(name = "item", required = false) List<String> items,
			@RequestParam(defaultValue = "next") String to, RedirectAttributes redirect) {
		Integer pct = percent(confidence);
		if (pct == null) {
			redirect.addFlashAttribute("error", CONFIDENCE_RULE);
			return "redirect:" + progressPage(key, id);
		}
		var applied = whatItTakes.apply(key, id, pct / 100.0, items, "next".equals(to), user.id());
		var after = applied.after();
		int n = applied.back().size();
		redirect.addFlashAttribute("toast", n + (n == 1 ? " item" : " items") + " moved out of " + after.release()
				+ (after.oddsNow() != null ? "; its odds are now " + Math.round(after.oddsNow() * 100) + " %." : "."));
		redirect.addFlashAttribute("toastUndo",
				UriComponentsBuilder
					.fromPath("/p/" + key.toUpperCase(Locale.ROOT) + "/releases/" + id + "/what-it-takes/undo")
					.queryParam("from", applied.to() == null ? "backlog" : applied.to())
					.queryParam("back",
							applied.back()
								.stream()
								.map(b -> b.item() + (b.sprintId() == null ? "" : "@" + b.sprintId()))
								.toArray())
					.build()
					.toUriString());
		return "redirect:" + progressPage(key, id);
	}

	/**
	 * The toast's undo of an apply: {@code back} names each item moved out (KEY or
	 * KEY@sprint it was in), {@code from} where they went (a release id, or "backlog").
	 */
	@PostMapping("/p/{key}/releases/{id}/what-it-takes/undo")
	@Requires(Permission.EDIT_BACKLOG)
	String undo(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @PathVariable long id,
			@RequestParam(defaultValue = "backlog") String from,
			@RequestParam(name = "back", required = false) List<String> back, RedirectAttributes redirect) {
		Long movedTo;
		List<ReleaseMoves.Back> items = new ArrayList<>();
		try {
			movedTo = "backlog".equals(from) ? null : Long.valueOf(from);
			for (String b : back == null ? List.<String>of() : back) {
				int at = b.indexOf('@');
				items.add(at < 0 ? new ReleaseMoves.Back(b, null)
						: new ReleaseMoves.Back(b.substring(0, at), Long.valueOf(b.substring(at + 1))));
			}
		}
		catch (NumberFormatException e) {
			redirect.addFlashAttribute("toastError", "This undo link is not one Priora made; nothing was moved back.");
			return "redirect:" + progressPage(key, id);
		}
		try {
			String release = whatItTakes.undo(key, id, movedTo, items, user.id());
			int n = items.size();
			redirect.addFlashAttribute("toast",
					n + (n == 1 ? " item" : " items") + " moved back into " + release + ".");
		}
		catch (DomainProblem e) {
			// another product's release, or none: the same not-found page as any missing
			DomainProblem.rethrowNotFound(e);
			redirect.addFlashAttribute("toastError", e.getMessage());
		}
		return "redirect:" + progressPage(key, id);
	}

	/** A whole percentage from 50 to 99, or null for anything else. */
	static Integer percent(String typed) {
		String t = typed == null ? "" : typed.strip();
		if (t.isEmpty()) {
			return 85;
		}
		try {
			int p = Integer.parseInt(t);
			return p >= 50 && p <= 99 ? p : null;
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	private static String progressPage(String key, long id) {
		return "/p/" + key.toUpperCase(Locale.ROOT) + "/releases/" + id + "/progress";
	}

}
