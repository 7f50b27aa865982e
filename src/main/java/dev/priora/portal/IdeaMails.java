package dev.priora.portal;

import java.net.URI;
import java.util.HashMap;
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
 * The mails about ideas people follow: when an item goes in progress or is done, the
 * followers of every visible idea linked to it (whose status follows its items) are told;
 * when the team sets an idea's status by hand, its followers are told too (with the
 * reason of a decline). Each mail goes through the outbox in the same transaction, named
 * with the portal's status names, with a one-click link that stops the mails about that
 * idea. The team's replies are mailed to the followers the same way. Nothing is sent for
 * a portal that is off, or without a base URL for the links.
 */
@Component
class IdeaMails {

	private final IdeaRepository ideas;

	private final IdeaTalkRepository talk;

	private final PortalSettingsRepository settings;

	private final UnsubscribeTokens tokens;

	private final MailOutbox outbox;

	private final MailTemplates templates;

	private final MailSettings mail;

	IdeaMails(IdeaRepository ideas, IdeaTalkRepository talk, PortalSettingsRepository settings,
			UnsubscribeTokens tokens, MailOutbox outbox, MailTemplates templates, MailSettings mail) {
		this.ideas = ideas;
		this.talk = talk;
		this.settings = settings;
		this.tokens = tokens;
		this.outbox = outbox;
		this.templates = templates;
		this.mail = mail;
	}

	@EventListener
	void on(StatusChanged e) {
		IdeaStatus status = e.to() == ItemStatus.DONE ? IdeaStatus.SHIPPED
				: e.to() == ItemStatus.IN_PROGRESS ? IdeaStatus.IN_PROGRESS : null;
		if (status == null || !mail.linksReady()) {
			return;
		}
		for (IdeaRepository.Row idea : ideas.followingItem(e.item().value())) {
			tell(idea, status, "");
		}
	}

	/** Tells the idea's followers its new status (a decline with its reason). */
	void tell(IdeaRepository.Row idea, IdeaStatus status, String reason) {
		var portal = open(idea);
		if (portal == null) {
			return;
		}
		String label = portal.label(status);
		Map<String, Object> model = new HashMap<>();
		model.put("change", status == IdeaStatus.SHIPPED ? "has shipped" : "is now \u201c" + label + "\u201d");
		model.put("reason", status == IdeaStatus.DECLINED ? reason : "");
		send(portal, idea, label + ": " + idea.title(), "portal-shipped", "portal.status", model);
	}

	/** Tells the idea's followers what the team replied (its Markdown source as text). */
	void replied(IdeaRepository.Row idea, TeamReply reply) {
		var portal = open(idea);
		if (portal == null) {
			return;
		}
		Map<String, Object> model = new HashMap<>();
		model.put("author", reply.author());
		model.put("reply", reply.body());
		send(portal, idea, "The team replied: " + idea.title(), "portal-reply", "portal.reply", model);
	}

	/**
	 * The idea's portal when mails about it go out: on, links ready, the idea visible.
	 */
	private PortalSettings open(IdeaRepository.Row idea) {
		var portal = settings.find(idea.productKey()).filter(PortalSettings::enabled);
		if (portal.isEmpty() || !mail.linksReady() || idea.state() != IdeaState.VISIBLE) {
			return null;
		}
		return portal.get();
	}

	private void send(PortalSettings portal, IdeaRepository.Row idea, String subject, String template, String kind,
			Map<String, Object> fields) {
		String link = mail.link("/portal/" + idea.productKey() + "/ideas/" + idea.id()).orElseThrow();
		for (String email : talk.followerEmails(idea.id())) {
			if (!portal.admits(email)) {
				continue;
			}
			URI unsubscribe = URI.create(mail.link("/portal/" + idea.productKey() + "/unsubscribe/"
					+ tokens.token(idea.productKey(), email, UnsubscribeTokens.idea(idea.id())))
				.orElseThrow());
			Map<String, Object> model = new HashMap<>(fields);
			model.put("portal", portal.title());
			model.put("title", idea.title());
			model.put("link", link);
			model.put("unsubscribe", unsubscribe.toString());
			outbox.queue(OutgoingMail.of(email, Changelog.clip(subject), templates.render(template, model), kind)
				.withUnsubscribe(unsubscribe));
		}
	}

}
