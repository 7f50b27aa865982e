package dev.priora.accounts.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.priora.accounts.AccountService;
import dev.priora.accounts.SignedInUser;

/** The sign-in page and the personal token page. */
@Controller
class AccountPageController {

	static final String LOGIN_VIEW = "accounts/login";
	static final String TOKENS_VIEW = "accounts/tokens";

	private final AccountService accounts;

	AccountPageController(AccountService accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/login")
	String login() {
		return LOGIN_VIEW;
	}

	@GetMapping("/account/tokens")
	String tokens(@AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("tokens", accounts.tokens(user.id()));
		return TOKENS_VIEW;
	}

	@PostMapping("/account/tokens")
	String create(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String name,
			Model model) {
		String trimmed = name.isBlank() ? "personal token" : name.strip();
		if (trimmed.length() > 100) {
			model.addAttribute("error", "A token name has at most 100 characters.");
		}
		else {
			model.addAttribute("created", accounts.createToken(user.id(), trimmed));
		}
		model.addAttribute("tokens", accounts.tokens(user.id()));
		return TOKENS_VIEW;
	}

	@PostMapping("/account/tokens/{id}/revoke")
	String revoke(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
		accounts.revokeToken(user.id(), id);
		return "redirect:/account/tokens";
	}

}
