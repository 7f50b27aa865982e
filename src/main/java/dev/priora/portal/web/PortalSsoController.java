package dev.priora.portal.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.priora.accounts.SsoVisitorSignIn;
import dev.priora.portal.PortalSettings;
import dev.priora.portal.PortalSso;
import dev.priora.portal.PortalVisitor;
import dev.priora.problem.DomainProblem;

/**
 * A visitor's "Sign in with …" on the portal's sign-in page: off to the organisation's
 * OpenID provider, and back here, where the portal decides whether the address it vouched
 * for may enter. The visitor is then signed in to this portal only (a session attribute,
 * never a Spring Security sign-in).
 */
@Controller
class PortalSsoController {

	private final PortalPages pages;

	private final PortalSso sso;

	private final SsoVisitorSignIn visitors;

	PortalSsoController(PortalPages pages, PortalSso sso, SsoVisitorSignIn visitors) {
		this.pages = pages;
		this.sso = sso;
		this.visitors = visitors;
	}

	@GetMapping("/portal/{portal}/sign-in/sso/{id}")
	String start(@PathVariable String portal, @PathVariable("id") String registrationId, RedirectAttributes redirect) {
		PortalSettings settings = pages.enabled(portal);
		try {
			return "redirect:" + sso.start(portal, registrationId);
		}
		catch (DomainProblem e) {
			DomainProblem.rethrowNotFound(e);
			// an unreachable provider: the sign-in page says so, and offers the e-mail
			// link
			redirect.addFlashAttribute("error", e.getMessage());
			return "redirect:/portal/" + settings.productKey() + "/sign-in";
		}
	}

	@GetMapping("/portal/{portal}/sign-in/sso")
	String finish(@PathVariable String portal, HttpServletRequest request, RedirectAttributes redirect) {
		PortalSettings settings = pages.enabled(portal);
		Optional<SsoVisitorSignIn.Outcome> outcome = visitors.take(request, settings.productKey());
		if (outcome.isEmpty()) {
			return "redirect:/portal/" + settings.productKey() + "/sign-in";
		}
		PortalVisitor visitor;
		try {
			visitor = sso.signIn(portal, outcome.get());
		}
		catch (DomainProblem e) {
			DomainProblem.rethrowNotFound(e);
			// refused: the sign-in page tells the person why
			redirect.addFlashAttribute("error", e.getMessage());
			return "redirect:/portal/" + settings.productKey() + "/sign-in";
		}
		VisitorSession.signIn(request, visitor);
		redirect.addFlashAttribute("toast", "You are signed in as " + visitor.email() + ".");
		return "redirect:/portal/" + settings.productKey();
	}

}
