package dev.priora.notifications;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.priora.accounts.MemberView;
import dev.priora.accounts.ProductRole;
import dev.priora.accounts.ProductRoles;
import dev.priora.refinement.health.BacklogHealthSummarized;

/**
 * The weekly backlog health summary, to the product's active owners, in the summary's
 * transaction: its score (and the week before's) and a line per kind of finding, linking
 * to the product's health page. E-mailed right away unless the owner chose otherwise for
 * {@link NotificationKind#BACKLOG_HEALTH}.
 */
@Component
class HealthNotifications {

	private final Notifier notifier;

	private final ProductRoles roles;

	HealthNotifications(Notifier notifier, ProductRoles roles) {
		this.notifier = notifier;
		this.roles = roles;
	}

	@EventListener
	void on(BacklogHealthSummarized e) {
		Set<Long> owners = roles.members(e.productKey())
			.stream()
			.filter(m -> m.active() && m.role() == ProductRole.OWNER)
			.map(MemberView::user)
			.map(u -> u.value())
			.collect(Collectors.toSet());
		String score = "scored " + e.score() + " of 100"
				+ (e.weekBefore() == null ? "" : " (" + e.weekBefore() + " a week before)");
		List<String> lines = e.lines().isEmpty() ? List.of("Nothing to fix.") : e.lines();
		notifier.notify(owners, new Notifier.Cause(NotificationKind.BACKLOG_HEALTH, e.productKey(), null,
				"Backlog health of " + e.productName(), score, String.join("\n", lines), e.link(), null));
	}

}
