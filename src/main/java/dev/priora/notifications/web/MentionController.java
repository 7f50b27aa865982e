package dev.priora.notifications.web;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

import dev.priora.accounts.ProductRoles;

/**
 * Who can be mentioned in a product, for the comment and description boxes' autocomplete
 * ({@code static/js/mentions.js}): the product's active members by name and e-mail, to
 * readers of the product only.
 */
@Controller
class MentionController {

	/** A member to offer. */
	record Mentionable(String name, String email) {
	}

	private final ProductRoles roles;

	MentionController(ProductRoles roles) {
		this.roles = roles;
	}

	@GetMapping("/p/{key}/mentionable")
	@ResponseBody
	List<Mentionable> mentionable(@PathVariable String key) {
		return roles.members(key.toUpperCase(java.util.Locale.ROOT))
			.stream()
			.filter(m -> m.active())
			.map(m -> new Mentionable(m.displayName(), m.email()))
			.sorted(Comparator.comparing(Mentionable::name, String.CASE_INSENSITIVE_ORDER))
			.toList();
	}

}
