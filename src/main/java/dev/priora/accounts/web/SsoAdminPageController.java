package dev.priora.accounts.web;

import java.util.LinkedHashMap;
import java.util.Map;

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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.priora.accounts.ProductRole;
import dev.priora.accounts.SignedInUser;
import dev.priora.accounts.SsoAdmin;

/**
 * Admin → Single sign-on: OpenID providers (add, change, remove, test discovery), the
 * sign-in policy and the group roles. Refused posts come back with the reason
 * ({@code web.PageErrorAdvice}).
 */
@Controller
class SsoAdminPageController {

	static final String VIEW = "accounts/admin-sso";

	private static final String BACK = "redirect:/admin/sso";

	private final SsoAdmin sso;

	SsoAdminPageController(SsoAdmin sso) {
		this.sso = sso;
	}

	@GetMapping("/admin/sso")
	String page(Model model) {
		model.addAttribute("providers", sso.providers());
		model.addAttribute("policy", sso.policy());
		model.addAttribute("groupRoles", sso.groupRoles());
		model.addAttribute("roles", ProductRole.values());
		model.addAttribute("callbackBase",
				ServletUriComponentsBuilder.fromCurrentContextPath().path("/login/oauth2/code/").toUriString());
		return VIEW;
	}

	@PostMapping("/admin/sso/providers")
	String add(@AuthenticationPrincipal SignedInUser admin, SsoAdmin.ProviderForm form, RedirectAttributes redirect) {
		try {
			var added = sso.addReachableProvider(form, admin.id());
			redirect.addFlashAttribute("toast",
					"Provider " + added.name() + " added: give it the redirect address shown.");
			return BACK;
		}
		catch (ErrorResponseException e) {
			if (e.getStatusCode().value() != HttpStatus.BAD_REQUEST.value()) {
				throw e;
			}
			// back to the page (post/redirect/get: a reload must not post the form again,
			// and a later refusal on this page goes back to /admin/sso, not to this POST
			// address) with what was typed (never the secret) and the reason under its
			// box
			Map<String, String> typed = new LinkedHashMap<>();
			typed.put("name", form.name());
			typed.put("issuerUri", form.issuerUri());
			typed.put("clientId", form.clientId());
			redirect.addFlashAttribute("typed", typed);
			redirect.addFlashAttribute("addError", fieldError(e));
			return BACK + "#add-provider";
		}
	}

	/** The refused field of the add form and the reason: {@code [field, reason]}. */
	private static String[] fieldError(ErrorResponseException e) {
		String detail = String.valueOf(e.getBody().getDetail());
		int colon = detail.indexOf(": ");
		return colon < 0 ? new String[] { "", detail }
				: new String[] { detail.substring(0, colon), detail.substring(colon + 2) };
	}

	@PostMapping("/admin/sso/providers/{id}")
	String change(@AuthenticationPrincipal SignedInUser admin, @PathVariable long id,
			@RequestParam(defaultValue = "0") long version, SsoAdmin.ProviderForm form, RedirectAttributes redirect) {
		sso.changeProvider(id, version, form, admin.id());
		redirect.addFlashAttribute("toast", "Provider " + form.name().strip() + " saved.");
		return BACK;
	}

	@PostMapping("/admin/sso/providers/{id}/delete")
	String remove(@AuthenticationPrincipal SignedInUser admin, @PathVariable long id, RedirectAttributes redirect) {
		sso.removeProvider(id, admin.id());
		redirect.addFlashAttribute("toast", "Provider removed: its button is gone from the sign-in page.");
		return BACK;
	}

	@PostMapping("/admin/sso/providers/{id}/test")
	String test(@PathVariable("id") String registrationId, RedirectAttributes redirect) {
		String endpoint;
		try {
			endpoint = sso.testDiscovery(registrationId);
		}
		catch (ErrorResponseException e) {
			if (e.getStatusCode().value() != HttpStatus.UNPROCESSABLE_CONTENT.value()) {
				throw e;
			}
			// the reason names issuerUri, whose only boxes here are the add form's and
			// the
			// closed change forms': say it without the field, so no other box is marked
			String detail = String.valueOf(e.getBody().getDetail());
			String reason = detail.startsWith("issuerUri: ") ? detail.substring("issuerUri: ".length()) : detail;
			redirect.addFlashAttribute("error", "Test discovery failed: " + reason);
			return BACK;
		}
		redirect.addFlashAttribute("toast", "Discovery works: people sign in at " + endpoint + ".");
		return BACK;
	}

	@PostMapping("/admin/sso/policy")
	String policy(@AuthenticationPrincipal SignedInUser admin, SsoAdmin.PolicyForm form, RedirectAttributes redirect) {
		sso.changePolicy(form, admin.id());
		redirect.addFlashAttribute("toast", "Sign-in policy saved.");
		return BACK;
	}

	@PostMapping("/admin/sso/groups")
	String addGroup(@AuthenticationPrincipal SignedInUser admin, @RequestParam(defaultValue = "") String group,
			@RequestParam(defaultValue = "") String productKey, @RequestParam(defaultValue = "") String role,
			RedirectAttributes redirect) {
		sso.addGroupRole(group, productKey, role, admin.id());
		redirect.addFlashAttribute("toast", "Group role added: it applies at each member's next sign-in.");
		return BACK;
	}

	@PostMapping("/admin/sso/groups/{id}/delete")
	String removeGroup(@AuthenticationPrincipal SignedInUser admin, @PathVariable long id,
			RedirectAttributes redirect) {
		sso.removeGroupRole(id, admin.id());
		redirect.addFlashAttribute("toast", "Group role removed.");
		return BACK;
	}

}
