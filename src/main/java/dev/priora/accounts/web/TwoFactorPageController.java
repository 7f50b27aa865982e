package dev.priora.accounts.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.priora.accounts.SignedInUser;
import dev.priora.accounts.TwoFactor;
import dev.priora.accounts.TwoFactorPolicy;
import dev.priora.accounts.UserId;

/**
 * Two-factor pages: the user's own (set up with a QR code, confirm, new recovery codes,
 * turn off) and the admin's controls on Admin → Users (require of one user or of
 * everyone, reset). Refusals (a wrong code) go back to the form through the page error
 * advice.
 */
@Controller
class TwoFactorPageController {

	static final String VIEW = "accounts/two-factor";

	private static final String PAGE = "redirect:/account/two-factor";

	private static final String USERS = "redirect:/admin/users";

	private final TwoFactor twoFactor;

	private final TwoFactorPolicy policy;

	TwoFactorPageController(TwoFactor twoFactor, TwoFactorPolicy policy) {
		this.twoFactor = twoFactor;
		this.policy = policy;
	}

	@GetMapping("/account/two-factor")
	String page(@AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("status", twoFactor.status(user.id()));
		model.addAttribute("setup", twoFactor.setup(user.id()).orElse(null));
		return VIEW;
	}

	@PostMapping("/account/two-factor/setup")
	String setup(@AuthenticationPrincipal SignedInUser user) {
		twoFactor.begin(user.id());
		return PAGE + "#field-code";
	}

	@PostMapping("/account/two-factor/confirm")
	String confirm(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String code,
			RedirectAttributes redirect) {
		redirect.addFlashAttribute("recoveryCodes", twoFactor.confirm(user.id(), code));
		redirect.addFlashAttribute("toast", "Two-factor sign-in is on.");
		return PAGE;
	}

	@PostMapping("/account/two-factor/recovery-codes")
	String renew(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String code,
			RedirectAttributes redirect) {
		redirect.addFlashAttribute("recoveryCodes", twoFactor.renewRecoveryCodes(user.id(), code));
		redirect.addFlashAttribute("toast", "New recovery codes made; the old ones no longer work.");
		return PAGE;
	}

	@PostMapping("/account/two-factor/disable")
	String disable(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String code,
			@RequestParam(defaultValue = "") String password, RedirectAttributes redirect) {
		twoFactor.disable(user.id(), code, password);
		redirect.addFlashAttribute("toast", "Two-factor sign-in is off.");
		return PAGE;
	}

	@PostMapping("/admin/two-factor")
	String requireOfEveryone(@AuthenticationPrincipal SignedInUser admin,
			@RequestParam(defaultValue = "false") boolean required, RedirectAttributes redirect) {
		policy.requireForEveryone(required, admin.id());
		redirect.addFlashAttribute("toast",
				required ? "Two-factor is required of everyone: those without it set it up at their next sign-in."
						: "Two-factor is no longer required of everyone.");
		return USERS;
	}

	@PostMapping("/admin/users/{id}/two-factor/require")
	String require(@AuthenticationPrincipal SignedInUser admin, @PathVariable long id,
			@RequestParam(defaultValue = "false") boolean required, RedirectAttributes redirect) {
		policy.require(new UserId(id), required, admin.id());
		redirect.addFlashAttribute("toast", required ? "Two-factor required: they set it up at their next sign-in."
				: "Two-factor no longer required of them.");
		return USERS;
	}

	@PostMapping("/admin/users/{id}/two-factor/reset")
	String reset(@AuthenticationPrincipal SignedInUser admin, @PathVariable long id, RedirectAttributes redirect) {
		policy.reset(new UserId(id), admin.id());
		redirect.addFlashAttribute("toast", "Two-factor reset: their app and recovery codes no longer work.");
		return USERS;
	}

}
