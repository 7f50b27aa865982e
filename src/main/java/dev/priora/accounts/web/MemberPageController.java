package dev.priora.accounts.web;

import java.util.Locale;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.priora.accounts.Permission;
import dev.priora.accounts.ProductRole;
import dev.priora.accounts.ProductRoles;
import dev.priora.accounts.Requires;
import dev.priora.accounts.SignedInUser;
import dev.priora.accounts.UserId;

/** The product's members page: roles are listed to everyone, changed by owners. */
@Controller
class MemberPageController {

	static final String MEMBERS_VIEW = "accounts/members";

	private final ProductRoles roles;

	MemberPageController(ProductRoles roles) {
		this.roles = roles;
	}

	@GetMapping("/p/{key}/members")
	String members(@PathVariable String key, Model model) {
		model.addAttribute("members", roles.members(key.toUpperCase(Locale.ROOT)));
		model.addAttribute("roles", ProductRole.values());
		return MEMBERS_VIEW;
	}

	@PostMapping("/p/{key}/members")
	@Requires(Permission.MANAGE_PRODUCT)
	String grant(@AuthenticationPrincipal SignedInUser user, @PathVariable String key,
			@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "VIEWER") String role,
			Model model, RedirectAttributes redirect) {
		try {
			roles.grant(key.toUpperCase(Locale.ROOT), email, ProductRole.valueOf(role.toUpperCase(Locale.ROOT)),
					user.id());
			redirect.addFlashAttribute("toast", email.strip() + " is now " + role.toLowerCase(Locale.ROOT) + ".");
			return "redirect:/p/" + key.toUpperCase(Locale.ROOT) + "/members";
		}
		catch (ErrorResponseException e) {
			// an address that names no user is a typing mistake in this form, not a
			// missing page: the members page with the reason
			model.addAttribute("error", e.getBody().getDetail());
		}
		catch (IllegalArgumentException e) {
			model.addAttribute("error", "role: must be one of OWNER, MANAGER, MEMBER, STAKEHOLDER, VIEWER");
		}
		return members(key, model);
	}

	@PostMapping("/p/{key}/members/{userId}/remove")
	@Requires(Permission.MANAGE_PRODUCT)
	String remove(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @PathVariable long userId,
			RedirectAttributes redirect) {
		roles.revoke(key.toUpperCase(Locale.ROOT), new UserId(userId), user.id());
		redirect.addFlashAttribute("toast", "Role removed.");
		return "redirect:/p/" + key.toUpperCase(Locale.ROOT) + "/members";
	}

}
