package dev.priora.accounts.web;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import dev.priora.accounts.SsoAdmin;
import dev.priora.accounts.SsoWebSignIn;

/**
 * The "Sign in with …" buttons lead here first: a provider whose discovery document
 * cannot be read sends the person back to the sign-in page with a message instead of an
 * error; the refusal page tells why a single sign-on was refused.
 */
@Controller
class SsoLoginController {

	static final String REFUSED_VIEW = "accounts/login-sso-refused";

	private final SsoAdmin sso;

	SsoLoginController(SsoAdmin sso) {
		this.sso = sso;
	}

	@GetMapping("/login/sso/{id}")
	String start(@PathVariable("id") String registrationId) {
		return sso.reachable(registrationId) ? "redirect:/oauth2/authorization/" + registrationId
				: "redirect:/login?sso-unavailable";
	}

	@GetMapping("/login/sso/refused")
	String refused(HttpSession session, Model model) {
		Object reason = session.getAttribute(SsoWebSignIn.REFUSAL);
		model.addAttribute("reason", reason == null
				? "There is no single sign-on to report (it was shown already, or this page was opened directly): sign in again."
				: reason);
		model.addAttribute("refusedByPriora",
				reason != null && Boolean.TRUE.equals(session.getAttribute(SsoWebSignIn.REFUSED_BY_PRIORA)));
		return REFUSED_VIEW;
	}

}
