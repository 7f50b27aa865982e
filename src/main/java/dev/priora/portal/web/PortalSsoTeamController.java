package dev.priora.portal.web;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.priora.accounts.Permission;
import dev.priora.accounts.Requires;
import dev.priora.portal.PortalSso;

/**
 * The Portal page's "Sign-in for visitors" card: which single sign-on providers the
 * portal's sign-in page offers (loaded into the page by htmx, saved by a plain form).
 */
@Controller
class PortalSsoTeamController {

	static final String FRAGMENT = "portal/sso :: providers";

	private final PortalSso sso;

	PortalSsoTeamController(PortalSso sso) {
		this.sso = sso;
	}

	@GetMapping("/p/{key}/portal/sign-in-providers")
	String card(@PathVariable String key, Model model) {
		model.addAttribute("offer", sso.offer(key));
		model.addAttribute("portalKey", key.toUpperCase(Locale.ROOT));
		return FRAGMENT;
	}

	@PostMapping("/p/{key}/portal/sign-in-providers")
	@Requires(Permission.MANAGE_PRODUCT)
	String save(@PathVariable String key, @RequestParam(name = "providers", required = false) List<String> providers,
			@RequestParam(required = false) Long version, RedirectAttributes redirect) {
		sso.change(key, providers == null ? List.of() : providers, version == null ? -1 : version);
		redirect.addFlashAttribute("toast", "Sign-in providers saved.");
		return "redirect:/p/" + key.toUpperCase(Locale.ROOT) + "/portal";
	}

}
