package dev.priora.portal;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.mail.MailOutbox;
import dev.priora.mail.MailSettings;
import dev.priora.mail.MailTemplates;
import dev.priora.mail.OutgoingMail;
import dev.priora.problem.DomainProblem;
import dev.priora.roadmap.ReleaseNotesPublished;

/**
 * A portal's changelog: the product's published release notes, newest first, and the
 * visitors who subscribe to it by e-mail. When a release's notes are published the first
 * time, each subscriber the portal still admits gets them through the mail outbox, in the
 * publishing transaction, with a one-click unsubscribe link; nothing is sent for a portal
 * that is off or without a base URL for links.
 */
@Service
public class Changelog {

	/** Longest changelog shown (and in the feeds). */
	public static final int MAX_ENTRIES = 50;

	private final ChangelogRepository entries;

	private final SubscriptionRepository subscriptions;

	private final PortalSettingsRepository settings;

	private final UnsubscribeTokens tokens;

	private final MailOutbox outbox;

	private final MailTemplates templates;

	private final MailSettings mail;

	private final Clock clock;

	Changelog(ChangelogRepository entries, SubscriptionRepository subscriptions, PortalSettingsRepository settings,
			UnsubscribeTokens tokens, MailOutbox outbox, MailTemplates templates, MailSettings mail, Clock clock) {
		this.entries = entries;
		this.subscriptions = subscriptions;
		this.settings = settings;
		this.tokens = tokens;
		this.outbox = outbox;
		this.templates = templates;
		this.mail = mail;
		this.clock = clock;
	}

	/** The open portal's published notes, newest first. */
	public List<ChangelogEntry> entries(PortalSettings portal) {
		return entries.entries(portal.productKey(), MAX_ENTRIES);
	}

	/** Whether the visitor subscribes to the changelog. */
	public boolean subscribed(PortalSettings portal, PortalVisitor visitor) {
		return visitor != null && subscriptions.subscribed(portal.productKey(), visitor.email());
	}

	/**
	 * Subscribes the signed-in visitor (their address is verified by the sign-in link),
	 * or stops.
	 */
	@Transactional
	public void subscribe(PortalSettings portal, PortalVisitor visitor, boolean subscribe) {
		if (visitor == null) {
			throw DomainProblem.invalid("email", "sign in to subscribe");
		}
		if (subscribe) {
			subscriptions.subscribe(portal.productKey(), visitor.email(), clock.instant());
		}
		else {
			subscriptions.unsubscribe(portal.productKey(), visitor.email());
		}
	}

	/**
	 * Unsubscribes whom the token names (from the changelog or one idea's mails) and
	 * answers what stopped ("the changelog" or the idea's title); 404 for a token that is
	 * not genuine for this portal.
	 */
	@Transactional
	public String unsubscribe(PortalSettings portal, String token) {
		UnsubscribeTokens.Target target = check(portal, token);
		Long idea = target.ideaId();
		if (idea == null) {
			subscriptions.unsubscribe(portal.productKey(), target.email());
			return "the changelog";
		}
		subscriptions.unfollow(portal.productKey(), target.email(), idea);
		return "idea #" + idea;
	}

	/**
	 * What a genuine token would stop, for the page that asks to confirm; 404 otherwise.
	 */
	public String describe(PortalSettings portal, String token) {
		Long idea = check(portal, token).ideaId();
		return idea == null ? "the changelog" : "idea #" + idea;
	}

	/** The one-click unsubscribe address for this visitor and subscription. */
	Optional<URI> unsubscribeLink(String productKey, String email, String what) {
		return mail.link("/portal/" + productKey + "/unsubscribe/" + tokens.token(productKey, email, what))
			.map(URI::create);
	}

	@EventListener
	void published(ReleaseNotesPublished event) {
		String key = event.productKey().toUpperCase(Locale.ROOT);
		Optional<PortalSettings> portal = settings.find(key).filter(PortalSettings::enabled);
		if (!event.first() || portal.isEmpty() || !mail.linksReady()) {
			return;
		}
		Optional<ChangelogEntry> entry = entries.entry(key, event.releaseId());
		if (entry.isEmpty() || !subscriptions.markMailed(event.releaseId(), clock.instant())) {
			return;
		}
		String link = mail.link("/portal/" + key + "/changelog#release-" + event.releaseId()).orElseThrow();
		for (String email : subscriptions.subscribers(key)) {
			if (!portal.get().admits(email)) {
				continue;
			}
			URI unsubscribe = unsubscribeLink(key, email, UnsubscribeTokens.CHANGELOG).orElseThrow();
			outbox.queue(OutgoingMail.of(email, clip("New in " + portal.get().title() + ": " + event.release()),
					templates.render("portal-changelog",
							Map.of("portal", portal.get().title(), "release", event.release(), "notes",
									entry.get().markdown(), "link", link, "unsubscribe", unsubscribe.toString())),
					"portal.changelog")
				.withUnsubscribe(unsubscribe));
		}
	}

	private UnsubscribeTokens.Target check(PortalSettings portal, String token) {
		return tokens.verify(portal.productKey(), token)
			.orElseThrow(() -> DomainProblem.notFound("This unsubscribe link"));
	}

	static String clip(String subject) {
		String s = subject.replaceAll("[\\r\\n]+", " ");
		return s.length() > 300 ? s.substring(0, 299) + "…" : s;
	}

}
