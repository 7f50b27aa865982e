package dev.priora.accounts.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.priora.accounts.AccountLinks;

/**
 * Pages behind one-time links: accepting an invitation and resetting a password. No
 * sign-in needed.
 */
@Controller
class LinkPageController {

	static final String LINK_VIEW = "accounts/link";

	private final AccountLinks links;

	LinkPageController(AccountLinks links) {
		this.links = links;
	}

	@GetMapping("/invite/{secret}")
	String invitation(@PathVariable String secret, Model model) {
		return page("invite", secret, model);
	}

	@PostMapping("/invite/{secret}")
	String accept(@PathVariable String secret, @RequestParam(defaultValue = "") String displayName,
			@RequestParam(defaultValue = "") String password, Model model) {
		try {
			links.acceptInvitation(secret, displayName, password);
			return "redirect:/login?joined";
		}
		catch (ErrorResponseException e) {
			// a visitor has no session for a flash attribute: the form again with the
			// name typed
			model.addAttribute("error", e.getBody().getDetail());
			model.addAttribute("displayName", displayName);
			return page("invite", secret, model);
		}
	}

	@GetMapping("/reset/{secret}")
	String reset(@PathVariable String secret, Model model) {
		return page("reset", secret, model);
	}

	@PostMapping("/reset/{secret}")
	String doReset(@PathVariable String secret, @RequestParam(defaultValue = "") String password, Model model) {
		try {
			links.resetPassword(secret, password);
			return "redirect:/login?reset";
		}
		catch (ErrorResponseException e) {
			// a visitor has no session for a flash attribute: the form again
			model.addAttribute("error", e.getBody().getDetail());
			return page("reset", secret, model);
		}
	}

	private String page(String kind, String secret, Model model) {
		model.addAttribute("kind", kind);
		model.addAttribute("secret", secret);
		model.addAttribute("email", links.linkEmail("invite".equals(kind) ? "INVITE" : "RESET", secret).orElse(null));
		return LINK_VIEW;
	}

}
