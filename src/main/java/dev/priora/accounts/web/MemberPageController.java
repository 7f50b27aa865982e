package dev.priora.accounts.web;

import java.util.Locale;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.priora.accounts.MemberView;
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
			RedirectAttributes redirect) {
		// an address that names no user goes back to the form with what was typed and
		// the reason under the field (PageErrorAdvice)
		var member = roles.grant(key.toUpperCase(Locale.ROOT), email, role(role), user.id());
		redirect.addFlashAttribute("toast",
				member.email() + " is now " + member.role().label().toLowerCase(Locale.ROOT) + ".");
		return toMembers(key);
	}

	/**
	 * Changes a member's role in place, from their row; demoting the last owner is
	 * refused under the row's field.
	 */
	@PostMapping("/p/{key}/members/{userId}/role")
	@Requires(Permission.MANAGE_PRODUCT)
	String changeRole(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @PathVariable long userId,
			@RequestParam(defaultValue = "") String role, RedirectAttributes redirect) {
		String product = key.toUpperCase(Locale.ROOT);
		MemberView member = roles.members(product)
			.stream()
			.filter(m -> m.user().value() == userId)
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		ProductRole chosen = role(role);
		if (chosen == member.role()) {
			redirect.addFlashAttribute("toast",
					member.displayName() + " already is " + chosen.label().toLowerCase(Locale.ROOT) + ".");
		}
		else {
			roles.grant(product, member.email(), chosen, user.id());
			redirect.addFlashAttribute("toast",
					member.displayName() + " is now " + chosen.label().toLowerCase(Locale.ROOT) + " (was "
							+ member.role().label().toLowerCase(Locale.ROOT) + ").");
		}
		return toMembers(key);
	}

	private static ProductRole role(String role) {
		try {
			return ProductRole.valueOf(role.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("role: must be one of owner, manager, member, stakeholder, viewer");
		}
	}

	private static String toMembers(String key) {
		return "redirect:/p/" + key.toUpperCase(Locale.ROOT) + "/members";
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
