package dev.priora.mail;

import java.time.Clock;
import java.util.UUID;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way to send an e-mail: {@link #queue} writes it to the outbox in the caller's
 * transaction, so a change that rolls back sends nothing, and the dispatcher delivers it
 * over SMTP afterwards (one node at a time, retried after 1, 5 and 30 minutes and 2
 * hours, then given up; see {@code MailDispatcher}). Without a mail server the mail stays
 * queued and the Admin page says so.
 * <p>
 * Build the body with {@link MailTemplates#render}; a mail for a user's preference kind
 * carries its one-click unsubscribe URL ({@link OutgoingMail#withUnsubscribe}); a body
 * holding a one-time secret is marked ({@link OutgoingMail#holdingSecret}) so it is
 * scrubbed once sent.
 */
@Service
@NamedInterface("outbox")
public class MailOutbox {

	private final MailRepository repository;

	private final MailSettings settings;

	private final Clock clock;

	MailOutbox(MailRepository repository, MailSettings settings, Clock clock) {
		this.repository = repository;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Queues {@code mail} in the caller's transaction (or a new one) and answers its id
	 * in the delivery log. Its Message-ID is made here and kept for every attempt.
	 */
	@Transactional
	public long queue(OutgoingMail mail) {
		String messageId = "<" + UUID.randomUUID() + "@" + settings.messageIdDomain() + ">";
		return repository.insert(mail, messageId, clock.instant());
	}

}
