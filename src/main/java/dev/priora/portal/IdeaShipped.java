package dev.priora.portal;

import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.priora.backlog.BacklogEvents.StatusChanged;
import dev.priora.backlog.ItemStatus;
import dev.priora.mail.MailOutbox;
import dev.priora.mail.MailSettings;
import dev.priora.mail.MailTemplates;
import dev.priora.mail.OutgoingMail;

/**
 * When an item is done, the followers of every visible idea linked to it (whose status
 * follows its items) are told by e-mail that it shipped, through the outbox in the same
 * transaction. Nothing is sent for a portal that is off, or without a base URL for the
 * link.
 */
@Component
class IdeaShipped {

	private final IdeaRepository ideas;

	private final IdeaTalkRepository talk;

	private final PortalSettingsRepository settings;

	private final MailOutbox outbox;

	private final MailTemplates templates;

	private final MailSettings mail;

	IdeaShipped(IdeaRepository ideas, IdeaTalkRepository talk, PortalSettingsRepository settings, MailOutbox outbox,
			MailTemplates templates, MailSettings mail) {
		this.ideas = ideas;
		this.talk = talk;
		this.settings = settings;
		this.outbox = outbox;
		this.templates = templates;
		this.mail = mail;
	}

	@EventListener
	void on(StatusChanged e) {
		if (e.to() != ItemStatus.DONE || !mail.linksReady()) {
			return;
		}
		for (IdeaRepository.Row idea : ideas.followingItem(e.item().value())) {
			var portal = settings.find(idea.productKey()).filter(PortalSettings::enabled);
			if (portal.isEmpty()) {
				continue;
			}
			String link = mail.link("/portal/" + idea.productKey() + "/ideas/" + idea.id()).orElseThrow();
			for (String email : talk.followerEmails(idea.id())) {
				if (!portal.get().admits(email)) {
					continue;
				}
				outbox.queue(OutgoingMail.of(email, clip("Shipped: " + idea.title()),
						templates.render("portal-shipped",
								Map.of("portal", portal.get().title(), "title", idea.title(), "link", link)),
						"portal.shipped"));
			}
		}
	}

	private static String clip(String subject) {
		String s = subject.replaceAll("[\\r\\n]+", " ");
		return s.length() > 300 ? s.substring(0, 299) + "…" : s;
	}

}
