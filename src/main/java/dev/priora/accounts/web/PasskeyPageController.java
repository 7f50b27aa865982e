package dev.priora.accounts.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.priora.accounts.AccountService;
import dev.priora.accounts.PasskeyView;
import dev.priora.accounts.Passkeys;
import dev.priora.accounts.SignedInUser;
import dev.priora.accounts.UserId;
import dev.priora.accounts.UserView;

/**
 * Passkey pages: the user's own ({@code /account/passkeys}: list, add through
 * {@code static/js/passkeys.js} and Spring Security's WebAuthn endpoints, rename, remove)
 * and the admin's view of one user's ({@code /admin/users/{id}/passkeys}: list, remove).
 * Every form posts and redirects; refusals go back through the page error advice.
 */
@Controller
class PasskeyPageController {

	static final String VIEW = "accounts/passkeys";

	static final String ADMIN_VIEW = "accounts/admin-passkeys";

	private static final String PAGE = "redirect:/account/passkeys";

	private final Passkeys passkeys;

	private final AccountService accounts;

	private final Clock clock;

	PasskeyPageController(Passkeys passkeys, AccountService accounts, Clock clock) {
		this.passkeys = passkeys;
		this.accounts = accounts;
		this.clock = clock;
	}

	@GetMapping("/account/passkeys")
	String page(@AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("passkeys", passkeys.list(user.id()));
		return VIEW;
	}

	/**
	 * Where the page's script goes once the browser made a passkey and Spring Security
	 * stored it: says so, if a passkey of the user's is that new (else the browser made
	 * none).
	 */
	@PostMapping("/account/passkeys/added")
	String added(@AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
		Instant recently = clock.instant().minus(Duration.ofMinutes(2));
		List<PasskeyView> mine = passkeys.list(user.id());
		boolean made = mine.stream().anyMatch(p -> p.created() != null && p.created().isAfter(recently));
		if (made) {
			redirect.addFlashAttribute("toast", "Passkey added: you can sign in with it now.");
		}
		else {
			redirect.addFlashAttribute("error", "No passkey was added: your browser did not make one.");
		}
		return PAGE;
	}

	@PostMapping("/account/passkeys/{id}/label")
	String rename(@AuthenticationPrincipal SignedInUser user, @PathVariable String id,
			@RequestParam(defaultValue = "") String label, RedirectAttributes redirect) {
		PasskeyView renamed = passkeys.rename(user.id(), id, label);
		redirect.addFlashAttribute("toast", "Passkey renamed to “" + renamed.label() + "”.");
		return PAGE;
	}

	@PostMapping("/account/passkeys/{id}/delete")
	String remove(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, RedirectAttributes redirect) {
		passkeys.remove(user.id(), id);
		redirect.addFlashAttribute("toast", "Passkey removed: it no longer signs you in.");
		return PAGE;
	}

	@GetMapping("/admin/users/{id}/passkeys")
	String adminPage(@PathVariable long id, Model model) {
		model.addAttribute("owner", owner(id));
		model.addAttribute("passkeys", passkeys.listFor(new UserId(id)));
		return ADMIN_VIEW;
	}

	@PostMapping("/admin/users/{id}/passkeys/{credentialId}/delete")
	String adminRemove(@AuthenticationPrincipal SignedInUser admin, @PathVariable long id,
			@PathVariable String credentialId, RedirectAttributes redirect) {
		passkeys.removeFor(new UserId(id), credentialId, admin.id());
		redirect.addFlashAttribute("toast", "Passkey removed: it no longer signs " + owner(id).email() + " in.");
		return "redirect:/admin/users/" + id + "/passkeys";
	}

	private UserView owner(long id) {
		return accounts.findById(new UserId(id)).orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND));
	}

}
