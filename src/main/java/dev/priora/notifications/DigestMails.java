package dev.priora.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.priora.notifications.EmailRepository.Recipient;

/**
 * The daily digest: for each person who chose it for some kinds, one mail listing their
 * unread notifications of those kinds since their last digest (the first covers the last
 * day), only of products they may still see; nothing when there is nothing new. Each
 * person's digest is queued in one transaction with the move of their mark in
 * {@code notification_digests} (compare-and-set), so a second run, on this node or
 * another, finds nothing new or loses the race and sends nothing twice. Run daily by
 * {@link DigestTask}.
 */
@Component
class DigestMails {

	private static final Logger LOG = LoggerFactory.getLogger(DigestMails.class);

	/** The most notifications one digest lists. */
	static final int MAX_ITEMS = 200;

	private final EmailRepository emails;

	private final NotificationRepository notifications;

	private final NotificationMails mails;

	private final TransactionTemplate tx;

	private final Clock clock;

	DigestMails(EmailRepository emails, NotificationRepository notifications, NotificationMails mails,
			PlatformTransactionManager transactions, Clock clock) {
		this.emails = emails;
		this.notifications = notifications;
		this.mails = mails;
		this.tx = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** Queues every due digest; answers how many were queued. Never throws. */
	int sendDue() {
		if (!mails.ready()) {
			return 0;
		}
		Instant upTo = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		int sent = 0;
		for (long user : emails.digestUsers()) {
			try {
				if (Boolean.TRUE.equals(tx.execute(status -> send(user, upTo)))) {
					sent++;
				}
			}
			catch (DataIntegrityViolationException e) {
				LOG.info("digest of user {} was sent by another run", user);
			}
			catch (RuntimeException e) {
				LOG.warn("digest of user {} failed; it is tried at the next run", user, e);
			}
		}
		return sent;
	}

	private boolean send(long user, Instant upTo) {
		Optional<Recipient> to = emails.recipients(List.of(user)).stream().findFirst();
		Optional<Instant> last = emails.lastDigest(user);
		Instant after = last.orElse(upTo.minus(Duration.ofDays(1)));
		if (to.isEmpty() || !after.isBefore(upTo)) {
			return false;
		}
		List<Notification> items = emails.forDigest(user, after, upTo, MAX_ITEMS + 1);
		if (items.isEmpty()) {
			return false;
		}
		if (last.isEmpty()) {
			emails.firstDigest(user, upTo);
		}
		else if (!emails.nextDigest(user, last.get(), upTo)) {
			return false;
		}
		List<NotificationKind> kinds = notifications.preferences(user)
			.entrySet()
			.stream()
			.filter(e -> e.getValue() == Delivery.EMAIL_DIGEST)
			.map(java.util.Map.Entry::getKey)
			.toList();
		boolean more = items.size() > MAX_ITEMS;
		mails.digest(to.get(), more ? items.subList(0, MAX_ITEMS) : items, kinds, more);
		return true;
	}

}
