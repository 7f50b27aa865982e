package dev.priora.portal.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.priora.feedback.PublicForms;
import dev.priora.portal.PortalSettings;

/**
 * The public feedback form as one of the portal's pages (its links {@code /f/{secret}}
 * keep working): anyone the portal is open to sends feedback without signing in, limited
 * per address, with the form's honeypot.
 */
@Controller
class PortalFeedbackController {

	static final String FORM_VIEW = "feedback/public-form";

	private final PortalPages pages;

	private final PublicForms forms;

	PortalFeedbackController(PortalPages pages, PublicForms forms) {
		this.pages = pages;
		this.forms = forms;
	}

	@GetMapping("/portal/{portal}/feedback")
	String form(@PathVariable String portal, @RequestParam(required = false) String sent, HttpServletRequest request,
			Model model) {
		PortalSettings settings = pages.open(request, portal);
		show(model, settings, request, portal);
		model.addAttribute("thanks", sent != null);
		return FORM_VIEW;
	}

	@PostMapping("/portal/{portal}/feedback")
	String submit(@PathVariable String portal, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String website,
			HttpServletRequest request, Model model) {
		PortalSettings settings = pages.open(request, portal);
		var refused = forms.trySubmitTo(settings.productKey(),
				new PublicForms.Submission(title, text, name, email, website), request.getRemoteAddr());
		if (refused.isEmpty()) {
			return "redirect:/portal/" + settings.productKey() + "/feedback?sent";
		}
		// the form again with what was typed and the reason
		model.addAttribute("error", refused.get());
		show(model, settings, request, portal);
		model.addAttribute("thanks", false);
		model.addAttribute("draftTitle", title);
		model.addAttribute("draftText", text);
		model.addAttribute("draftName", name);
		model.addAttribute("draftEmail", email);
		return FORM_VIEW;
	}

	private void show(Model model, PortalSettings settings, HttpServletRequest request, String portal) {
		pages.header(model, settings, pages.visitor(request, portal), "feedback");
		model.addAttribute("productName", settings.title());
		model.addAttribute("formAction", "/portal/" + settings.productKey() + "/feedback");
	}

}
