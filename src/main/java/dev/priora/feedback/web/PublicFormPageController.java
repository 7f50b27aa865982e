package dev.priora.feedback.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.priora.accounts.Permission;
import dev.priora.accounts.Requires;
import dev.priora.accounts.SignedInUser;
import dev.priora.backlog.ProductService;
import dev.priora.feedback.PublicForms;
import dev.priora.web.ClosedLink;

/** The public feedback form (no sign-in) and its management by the product's owners. */
@Controller
class PublicFormPageController {

	static final String FORM_VIEW = "feedback/public-form";

	static final String FORMS_VIEW = "feedback/public-forms";

	private static final String CLOSED = "This feedback form";

	private final PublicForms forms;

	private final ProductService products;

	PublicFormPageController(PublicForms forms, ProductService products) {
		this.forms = forms;
		this.products = products;
	}

	@GetMapping("/f/{secret}")
	String form(@PathVariable String secret, @RequestParam(required = false) String sent, Model model,
			HttpServletResponse response) {
		var found = forms.productOf(secret);
		if (found.isEmpty()) {
			return ClosedLink.page(CLOSED, response, model);
		}
		String key = found.get();
		model.addAttribute("productName", products.get(key).name());
		model.addAttribute("secret", secret);
		model.addAttribute("formAction", "/f/" + secret);
		model.addAttribute("thanks", sent != null);
		return FORM_VIEW;
	}

	@PostMapping("/f/{secret}")
	String submit(@PathVariable String secret, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String website,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		var found = forms.open(secret);
		if (found.isEmpty()) {
			return ClosedLink.page(CLOSED, response, model);
		}
		model.addAttribute("productName", products.get(found.get().productKey()).name());
		model.addAttribute("secret", secret);
		model.addAttribute("formAction", "/f/" + secret);
		var refused = forms.trySubmitThrough(found.get(), new PublicForms.Submission(title, text, name, email, website),
				request.getRemoteAddr());
		if (refused.isEmpty()) {
			// a query parameter, not a flash attribute: visitors have no session
			return "redirect:/f/" + secret + "?sent";
		}
		// a visitor has no session for a flash attribute: the form again with what was
		// typed and the reason
		model.addAttribute("error", refused.get());
		model.addAttribute("thanks", false);
		model.addAttribute("draftTitle", title);
		model.addAttribute("draftText", text);
		model.addAttribute("draftName", name);
		model.addAttribute("draftEmail", email);
		return FORM_VIEW;
	}

	@GetMapping("/p/{key}/public-forms")
	String list(@PathVariable String key, Model model) {
		model.addAttribute("forms", forms.forms(key));
		return FORMS_VIEW;
	}

	@PostMapping("/p/{key}/public-forms")
	@Requires(Permission.MANAGE_PRODUCT)
	String create(@AuthenticationPrincipal SignedInUser user, @PathVariable String key,
			@RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
		String secret = forms.create(key, name, user.id());
		redirect.addFlashAttribute("link",
				ServletUriComponentsBuilder.fromCurrentContextPath().path("/f/" + secret).toUriString());
		return "redirect:/p/" + key.toUpperCase(Locale.ROOT) + "/public-forms";
	}

	@PostMapping("/p/{key}/public-forms/{id}/revoke")
	@Requires(Permission.MANAGE_PRODUCT)
	String revoke(@PathVariable String key, @PathVariable long id, RedirectAttributes redirect) {
		var revoked = forms.revoke(key, id);
		redirect.addFlashAttribute("toast", "“" + revoked.label() + "” revoked: its link no longer works.");
		return "redirect:/p/" + key.toUpperCase(Locale.ROOT) + "/public-forms";
	}

}
