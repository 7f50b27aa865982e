package dev.priora.mail;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.priora.accounts.AccountService;
import dev.priora.accounts.InvitationIssued;
import dev.priora.accounts.PasswordResetIssued;
import dev.priora.accounts.UserView;

/**
 * E-mails invitations and password-reset links, inside the transaction that issued them.
 * Only when mail can be sent and links made ({@link MailSettings#linksReady}): otherwise
 * the administrator copies the link, as without mail, and no secret is written anywhere.
 */
@Component
class AccountMails {

	private static final Logger LOG = LoggerFactory.getLogger(AccountMails.class);

	private static final DateTimeFormatter WHEN = DateTimeFormatter
		.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private final MailOutbox outbox;

	private final MailTemplates templates;

	private final MailSettings settings;

	private final AccountService accounts;

	AccountMails(MailOutbox outbox, MailTemplates templates, MailSettings settings, AccountService accounts) {
		this.outbox = outbox;
		this.templates = templates;
		this.settings = settings;
		this.accounts = accounts;
	}

	@EventListener
	void on(InvitationIssued e) {
		if (!ready("invitation")) {
			return;
		}
		String inviter = accounts.findById(e.invitedBy()).map(UserView::displayName).orElse("An administrator");
		MailBody body = templates.render("invitation", Map.of("inviter", inviter, "link",
				settings.link("/invite/" + e.secret()).orElseThrow(), "expires", WHEN.format(e.expiresAt())));
		outbox
			.queue(OutgoingMail.of(e.email(), inviter + " invited you to Priora", body, "invitation").holdingSecret());
	}

	@EventListener
	void on(PasswordResetIssued e) {
		if (!ready("password reset")) {
			return;
		}
		MailBody body = templates.render("password-reset",
				Map.of("name", e.displayName(), "link", settings.link("/reset/" + e.secret()).orElseThrow(), "expires",
						WHEN.format(e.expiresAt()), "selfService", e.selfService()));
		outbox.queue(OutgoingMail.of(e.email(), "Set a new Priora password", body, "password-reset")
			.forUser(e.user())
			.holdingSecret());
	}

	private boolean ready(String what) {
		if (!settings.linksReady()) {
			LOG.info("{} not e-mailed: {}", what,
					settings.configured() ? "PRIORA_BASE_URL is not set" : "no mail server is configured");
			return false;
		}
		return true;
	}

}
