package dev.priora.notifications;

import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.priora.accounts.UserId;
import dev.priora.mail.MailBody;
import dev.priora.mail.MailOutbox;
import dev.priora.mail.MailSettings;
import dev.priora.mail.MailTemplates;
import dev.priora.mail.OutgoingMail;
import dev.priora.notifications.EmailRepository.Recipient;
import dev.priora.notifications.Notifier.Cause;

/**
 * Writes notification e-mails to the outbox, in the caller's transaction: one per person
 * right away ({@link #now}, template {@code mail/notification}) and the daily digest
 * ({@link #digest}, template {@code mail/digest}). HTML and plain text, a link into
 * Priora, why the mail came, a link to the e-mail settings and a one-click unsubscribe
 * link ({@link UnsubscribeLinks}, also as RFC 8058 headers). Written only when mail is
 * configured with a base URL for the links ({@link MailSettings#linksReady}); the choices
 * are kept either way.
 */
@Component
class NotificationMails {

	private static final Logger LOG = LoggerFactory.getLogger(NotificationMails.class);

	/** The longest quote a mail carries whole. */
	private static final int MAX_QUOTE = 5000;

	/** A digest's notifications about one thing. */
	record DigestThing(String title, String link, List<DigestLine> lines) {
	}

	/** One notification in a digest. */
	record DigestLine(String actor, String message, String when) {
	}

	/** A digest's notifications in one product. */
	record DigestProduct(String name, List<DigestThing> things) {
	}

	private final MailOutbox outbox;

	private final MailTemplates templates;

	private final MailSettings settings;

	private final EmailRepository emails;

	private final UnsubscribeLinks links;

	private final DateTimeFormatter when;

	NotificationMails(MailOutbox outbox, MailTemplates templates, MailSettings settings, EmailRepository emails,
			UnsubscribeLinks links, @Value("${priora.mail.digest-zone:UTC}") ZoneId zone) {
		this.outbox = outbox;
		this.templates = templates;
		this.settings = settings;
		this.emails = emails;
		this.links = links;
		this.when = DateTimeFormatter.ofPattern("d MMM, HH:mm z", Locale.ENGLISH).withZone(zone);
	}

	/** Whether notification mails are written now. */
	boolean ready() {
		return settings.linksReady();
	}

	/**
	 * Queues the cause's mail to each of these users (who may see the product and chose
	 * "e-mail now" for its kind).
	 */
	void now(Collection<Long> users, Cause cause) {
		if (users.isEmpty() || !ready()) {
			return;
		}
		NotificationKind kind = cause.kind();
		String actor = cause.actor() == null ? "Someone" : emails.name(cause.actor().value()).orElse("Someone");
		String headline = oneLine(kind.headline(actor, cause.where(), cause.action()));
		String quote = cause.quote() == null ? null : clip(cause.quote().strip(), MAX_QUOTE);
		Map<String, Object> vars = new HashMap<>();
		vars.put("headline", headline);
		vars.put("quote", quote);
		vars.put("quotedText",
				quote == null ? null : quote.lines().map(l -> "> " + l).collect(Collectors.joining("\n")));
		vars.put("link", absolute(cause.link()));
		vars.put("openLabel", cause.itemKey() == null ? "Open it in Priora" : "Open " + cause.itemKey() + " in Priora");
		vars.put("productName",
				emails.productNames(List.of(cause.productKey())).getOrDefault(cause.productKey(), cause.productKey()));
		vars.put("kindLabel", kind.label());
		vars.put("reason", kind.description() + " and you chose to get an e-mail right away");
		vars.put("unsubscribeLabel", "Unsubscribe from “" + kind.label() + "” e-mails");
		String subject = "[" + cause.productKey() + "] " + headline;
		for (Recipient r : emails.recipients(users)) {
			queue(r, subject, "notification", vars, kind.slug());
		}
	}

	/**
	 * Queues the digest of these notifications (by product, then oldest first) to the
	 * user; {@code kinds} are those they chose the digest for, {@code more} whether some
	 * were left out.
	 */
	void digest(Recipient to, List<Notification> items, List<NotificationKind> kinds, boolean more) {
		Map<String, List<Notification>> byProduct = new LinkedHashMap<>();
		items.forEach(n -> byProduct.computeIfAbsent(n.productKey(), k -> new ArrayList<>()).add(n));
		Map<String, String> names = emails.productNames(byProduct.keySet());
		List<DigestProduct> products = new ArrayList<>();
		byProduct.forEach((key, list) -> products.add(new DigestProduct(names.getOrDefault(key, key) + " (" + key + ")",
				Notifications.Group.of(list).stream().map(this::thing).toList())));
		String count = items.size() == 1 ? "1 notification" : items.size() + (more ? "+" : "") + " notifications";
		Map<String, Object> vars = new HashMap<>();
		vars.put("name", to.name());
		vars.put("countText", count);
		vars.put("products", products);
		vars.put("more", more);
		vars.put("notificationsLink", absolute("/notifications?unread=true"));
		vars.put("reason", "you chose a daily digest of: "
				+ kinds.stream().map(NotificationKind::label).collect(Collectors.joining(", ")));
		vars.put("unsubscribeLabel", "Unsubscribe from the daily digest");
		queue(to, clip("Your Priora digest: " + count + " (" + String.join(", ", byProduct.keySet()) + ")", 300),
				"digest", vars, UnsubscribeLinks.DIGEST);
	}

	private DigestThing thing(Notifications.Group g) {
		return new DigestThing(g.itemKey() == null ? g.subject() : g.itemKey() + " " + g.subject(), absolute(g.link()),
				g.items()
					.stream()
					.map(n -> new DigestLine(n.actor(), n.message(), when.format(n.createdAt())))
					.toList());
	}

	private void queue(Recipient to, String subject, String template, Map<String, Object> common, String what) {
		URI unsubscribe = links.url(to.id(), what);
		Map<String, Object> vars = new HashMap<>(common);
		vars.put("settingsLink", absolute("/account#notifications"));
		vars.put("unsubscribeLink", unsubscribe.toString());
		try {
			MailBody body = templates.render(template, vars);
			outbox.queue(OutgoingMail.of(to.email(), clip(subject, 300), body, "notification." + what)
				.forUser(new UserId(to.id()))
				.withUnsubscribe(unsubscribe));
		}
		catch (IllegalArgumentException e) {
			// an address the outbox refuses: the in-app notification stands, the cause
			// too
			LOG.warn("notification mail to user {} not queued: {}", to.id(), e.getMessage());
		}
	}

	private String absolute(String path) {
		return settings.link(path).orElseThrow();
	}

	private static String oneLine(String s) {
		return s.strip().replaceAll("\\s+", " ");
	}

	private static String clip(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max - 1) + "…";
	}

}
