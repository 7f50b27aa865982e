package dev.priora.accounts.web;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.priora.accounts.TwoFactor;
import dev.priora.accounts.TwoFactorSignIn;
import dev.priora.accounts.TwoFactorSignIn.Pending;

/**
 * The second step of signing in: a code from the app or a recovery code, or, when the
 * admin requires two-factor of someone who has none, enrolling one there and then.
 * Without a password given in this session in the last five minutes both send the browser
 * back to {@code /login}.
 */
@Controller
class TwoFactorSignInController {

	static final String CODE_VIEW = "accounts/login-two-factor";

	static final String ENROL_VIEW = "accounts/login-enrol";

	private static final String EXPIRED = "redirect:/login?expired";

	private final TwoFactorSignIn signIn;

	private final TwoFactor twoFactor;

	TwoFactorSignInController(TwoFactorSignIn signIn, TwoFactor twoFactor) {
		this.signIn = signIn;
		this.twoFactor = twoFactor;
	}

	@GetMapping("/login/two-factor")
	String codeForm(HttpServletRequest request, Model model) {
		Optional<Pending> pending = signIn.pending(request).filter(p -> !p.enrol());
		if (pending.isEmpty()) {
			return EXPIRED;
		}
		model.addAttribute("pending", pending.get());
		return CODE_VIEW;
	}

	@PostMapping("/login/two-factor")
	String code(HttpServletRequest request, HttpServletResponse response,
			@RequestParam(defaultValue = "") String code) {
		Optional<Pending> pending = signIn.pending(request).filter(p -> !p.enrol());
		if (pending.isEmpty()) {
			return EXPIRED;
		}
		return switch (twoFactor.check(pending.get().user(), code)) {
			case ACCEPTED ->
				signIn.complete(request, response, pending.get()).map(to -> "redirect:" + to).orElse(EXPIRED);
			case REFUSED -> "redirect:/login/two-factor?error";
			case THROTTLED -> "redirect:/login/two-factor?throttled";
		};
	}

	@GetMapping("/login/two-factor/enrol")
	String enrolForm(HttpServletRequest request, Model model) {
		Optional<Pending> pending = signIn.pending(request).filter(Pending::enrol);
		if (pending.isEmpty()) {
			return EXPIRED;
		}
		model.addAttribute("pending", pending.get());
		model.addAttribute("setup",
				twoFactor.setup(pending.get().user()).orElseGet(() -> twoFactor.begin(pending.get().user())));
		return ENROL_VIEW;
	}

	/**
	 * A right code finishes enrolling and signs in; the recovery codes are then shown
	 * once on the two-factor page. A wrong one comes back here with the reason.
	 */
	@PostMapping("/login/two-factor/enrol")
	String enrol(HttpServletRequest request, HttpServletResponse response, @RequestParam(defaultValue = "") String code,
			RedirectAttributes redirect) {
		Optional<Pending> pending = signIn.pending(request).filter(Pending::enrol);
		if (pending.isEmpty()) {
			return EXPIRED;
		}
		List<String> codes = twoFactor.confirm(pending.get().user(), code);
		if (signIn.complete(request, response, pending.get()).isEmpty()) {
			return EXPIRED;
		}
		redirect.addFlashAttribute("recoveryCodes", codes);
		redirect.addFlashAttribute("toast", "Two-factor sign-in is on: you are signed in.");
		return "redirect:/account/two-factor";
	}

}
