package dev.priora.portal.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.priora.portal.PortalSettings;
import dev.priora.portal.PortalSso;
import dev.priora.portal.PortalVisitor;
import dev.priora.portal.VisitorSignIn;
import dev.priora.problem.DomainProblem;

/**
 * A visitor signs in with an e-mail link: asks for it, opens it (a page with one button,
 * so that a mail scanner fetching the link does not use it up), confirms; and signs out.
 * The sign-in page also offers the single sign-on providers the portal offers
 * ({@link PortalSsoController}).
 */
@Controller
class PortalSignInController {

	static final String SIGN_IN_VIEW = "portal/sign-in";

	private final PortalPages pages;

	private final VisitorSignIn signIn;

	private final PortalSso sso;

	PortalSignInController(PortalPages pages, VisitorSignIn signIn, PortalSso sso) {
		this.pages = pages;
		this.signIn = signIn;
		this.sso = sso;
	}

	@GetMapping("/portal/{portal}/sign-in")
	String form(@PathVariable String portal, @RequestParam(required = false) String sent, HttpServletRequest request,
			Model model) {
		PortalSettings settings = pages.enabled(portal);
		pages.header(model, settings, pages.visitor(request, portal), "sign-in");
		model.addAttribute("sent", sent != null);
		model.addAttribute("ssoProviders", sso.offered(portal));
		return SIGN_IN_VIEW;
	}

	@PostMapping("/portal/{portal}/sign-in")
	String ask(@PathVariable String portal, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String website, HttpServletRequest request, Model model) {
		PortalSettings settings = pages.enabled(portal);
		try {
			signIn.requestLink(portal, email, website, request.getRemoteAddr());
			return "redirect:/portal/" + settings.productKey() + "/sign-in?sent";
		}
		catch (DomainProblem e) {
			DomainProblem.rethrowNotFound(e);
			// the form again with the address typed and the reason next to it
			pages.header(model, settings, pages.visitor(request, portal), "sign-in");
			model.addAttribute("sent", false);
			model.addAttribute("error", e.getMessage());
			model.addAttribute("draftEmail", email);
			model.addAttribute("ssoProviders", sso.offered(portal));
			return SIGN_IN_VIEW;
		}
	}

	@GetMapping("/portal/{portal}/sign-in/{token}")
	String confirm(@PathVariable String portal, @PathVariable String token, HttpServletRequest request, Model model) {
		PortalSettings settings = pages.enabled(portal);
		pages.header(model, settings, pages.visitor(request, portal), "sign-in");
		model.addAttribute("token", token);
		model.addAttribute("valid", signIn.linkValid(portal, token));
		return SIGN_IN_VIEW;
	}

	@PostMapping("/portal/{portal}/sign-in/{token}")
	String use(@PathVariable String portal, @PathVariable String token, HttpServletRequest request,
			RedirectAttributes redirect) {
		PortalSettings settings = pages.enabled(portal);
		PortalVisitor visitor;
		try {
			visitor = signIn.signIn(portal, token);
		}
		catch (DomainProblem e) {
			// a used or expired link: its page says so and offers a new one
			return "redirect:/portal/" + settings.productKey() + "/sign-in/" + token;
		}
		VisitorSession.signIn(request, visitor);
		redirect.addFlashAttribute("toast", "You are signed in as " + visitor.email() + ".");
		return "redirect:/portal/" + settings.productKey();
	}

	@PostMapping("/portal/{portal}/sign-out")
	String signOut(@PathVariable String portal, HttpServletRequest request, RedirectAttributes redirect) {
		PortalSettings settings = pages.enabled(portal);
		VisitorSession.signOut(request);
		redirect.addFlashAttribute("toast", "You are signed out.");
		return "redirect:/portal/" + settings.productKey() + (settings.privatePortal() ? "/sign-in" : "");
	}

}
