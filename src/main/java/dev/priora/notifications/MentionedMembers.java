package dev.priora.notifications;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.priora.accounts.ProductRoles;
import dev.priora.notifications.engine.Mentions;

/**
 * The product's members a text mentions (item descriptions and comments, roadmap
 * comments): only active members can be found, so a mention never reaches anyone else.
 */
@Component
class MentionedMembers {

	private final ProductRoles roles;

	MentionedMembers(ProductRoles roles) {
		this.roles = roles;
	}

	/** The ids of the product's active members the text mentions (a new, mutable set). */
	Set<Long> in(String productKey, String text) {
		if (text == null || text.indexOf('@') < 0) {
			return new HashSet<>();
		}
		List<Mentions.Candidate> members = roles.members(productKey)
			.stream()
			.filter(m -> m.active())
			.map(m -> new Mentions.Candidate(m.user().value(), m.displayName(), m.email()))
			.toList();
		return new HashSet<>(Mentions.in(text, members));
	}

}
