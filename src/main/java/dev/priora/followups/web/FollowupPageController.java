package dev.priora.followups.web;

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
import dev.priora.followups.FollowupView;
import dev.priora.followups.Followups;
import dev.priora.problem.DomainProblem;

/**
 * The Tell customers page: drafts by what shipped, edited, dismissed or sent in one go;
 * people without an address marked as told; automatic sending. Every form
 * post/redirect/gets with a toast.
 */
@Controller
class FollowupPageController {

	static final String VIEW = "followups/followups";

	private final Followups followups;

	FollowupPageController(Followups followups) {
		this.followups = followups;
	}

	@GetMapping("/p/{key}/followups")
	String page(@PathVariable String key, Model model) {
		model.addAttribute("board", followups.board(key));
		return VIEW;
	}

	@PostMapping("/p/{key}/followups/send")
	@Requires(Permission.EDIT_BACKLOG)
	String send(@AuthenticationPrincipal SignedInUser user, @PathVariable String key,
			@RequestParam(required = false) List<Long> ids, RedirectAttributes redirect) {
		int n = followups.send(key, ids, user.id());
		return back(key, (n == 1 ? "1 message" : n + " messages") + " sent.", redirect);
	}

	@PostMapping("/p/{key}/followups/{id}/edit")
	@Requires(Permission.EDIT_BACKLOG)
	String edit(@PathVariable String key, @PathVariable long id, @RequestParam(defaultValue = "") String subject,
			@RequestParam(defaultValue = "") String body, @RequestParam long version, Model model,
			RedirectAttributes redirect) {
		try {
			FollowupView saved = followups.edit(key, id, subject, body, version);
			return back(key, "Message to " + saved.recipientName() + " saved.", redirect);
		}
		catch (DomainProblem e) {
			// the draft's form again with what was typed, the reason next to it
			// (a message that is not the product's stays a 404)
			DomainProblem.rethrowNotFound(e);
			model.addAttribute("editing", id);
			model.addAttribute("typedSubject", subject);
			model.addAttribute("typedBody", body);
			model.addAttribute("editError", e.getMessage());
			return page(key, model);
		}
	}

	@PostMapping("/p/{key}/followups/{id}/dismiss")
	@Requires(Permission.EDIT_BACKLOG)
	String dismiss(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @PathVariable long id,
			RedirectAttributes redirect) {
		FollowupView v = followups.dismiss(key, id, user.id());
		return back(key, "Message to " + v.recipientName() + " dismissed.", redirect);
	}

	@PostMapping("/p/{key}/followups/{id}/told")
	@Requires(Permission.EDIT_BACKLOG)
	String told(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @PathVariable long id,
			RedirectAttributes redirect) {
		FollowupView v = followups.told(key, id, user.id());
		return back(key, v.recipientName() + " marked as told.", redirect);
	}

	@PostMapping("/p/{key}/followups/settings")
	@Requires(Permission.EDIT_BACKLOG)
	String settings(@PathVariable String key, @RequestParam(defaultValue = "false") boolean autoSend,
			RedirectAttributes redirect) {
		followups.autoSend(key, autoSend);
		return back(key, autoSend ? "New messages are now sent as soon as they are drafted."
				: "New messages now wait here for you to send them.", redirect);
	}

	private static String back(String key, String toast, RedirectAttributes redirect) {
		redirect.addFlashAttribute("toast", toast);
		return "redirect:/p/" + key.toUpperCase(Locale.ROOT) + "/followups";
	}

}
