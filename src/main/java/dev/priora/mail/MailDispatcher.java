package dev.priora.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.mail.MessagingException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import dev.priora.jobs.Backoff;

/**
 * Sends the outbox's due mails, as a recurring task of the job scheduler (one node at a
 * time, {@link MailTasks}); a run sends what was due when it began, 20 at a time, for up
 * to 20 seconds. Each mail is claimed first (state SENDING with a lease of
 * {@code priora.mail.lease}, 5 minutes, longer than the SMTP time-outs), then handed to
 * the SMTP server, then marked SENT; a failure queues it again after the next of
 * {@code priora.mail.retry-delays} (1m, 5m, 30m, 2h) or, after the last, marks it FAILED.
 * A node that dies between claim and outcome leaves a SENDING row that is sent again once
 * its lease runs out: delivery is at least once (see docs/ARCHITECTURE.md, "Mail").
 * Without a mail server nothing is claimed: mails stay QUEUED. Sent and failed mails stay
 * in the log for 30 days.
 */
@Component
class MailDispatcher {

	private static final Logger LOG = LoggerFactory.getLogger(MailDispatcher.class);

	/** Mails read per query. */
	private static final int BATCH = 20;

	/**
	 * How long one run goes on sending while a full batch was due at its start: a queue
	 * drains at the mail server's pace, not one batch per scheduler poll.
	 */
	private static final Duration RUN_BUDGET = Duration.ofSeconds(20);

	private final MailRepository repository;

	private final MailSettings settings;

	private final ObjectProvider<JavaMailSender> senders;

	private final Clock clock;

	private final Backoff backoff;

	private final Duration lease;

	MailDispatcher(MailRepository repository, MailSettings settings, ObjectProvider<JavaMailSender> senders,
			Clock clock, @Value("${priora.mail.retry-delays:1m,5m,30m,2h}") String delays,
			@Value("${priora.mail.lease:5m}") Duration lease) {
		this.repository = repository;
		this.settings = settings;
		this.senders = senders;
		this.clock = clock;
		this.backoff = new Backoff(
				Arrays.stream(delays.split(",")).map(d -> DurationStyle.detectAndParse(d.strip())).toList());
		this.lease = lease;
	}

	/** The retry schedule, for the Admin page. */
	Backoff backoff() {
		return backoff;
	}

	void sendDue() {
		JavaMailSender sender = settings.configured() ? senders.getIfAvailable() : null;
		if (sender == null) {
			return;
		}
		try {
			Instant now = clock.instant();
			Instant stop = now.plus(RUN_BUDGET);
			List<MailRepository.Row> batch;
			do {
				batch = repository.due(now, BATCH);
				for (MailRepository.Row row : batch) {
					Instant until = clock.instant().plus(lease).truncatedTo(ChronoUnit.MILLIS);
					if (repository.claim(row.id(), now, until)) {
						send(sender, row, until);
					}
				}
			}
			while (batch.size() == BATCH && clock.instant().isBefore(stop));
		}
		catch (RuntimeException e) {
			LOG.warn("sending mail failed; trying again shortly", e);
		}
	}

	private void send(JavaMailSender sender, MailRepository.Row row, Instant until) {
		int attempt = row.attempts() + 1;
		String error;
		try {
			sender.send(MimeMails.build(sender.createMimeMessage(), row, settings.from().orElseThrow()));
			if (!repository.sent(row.id(), until, clock.instant())) {
				LOG.warn("mail {} was sent after its lease ran out; another node may have sent it too", row.id());
			}
			return;
		}
		catch (MailException | MessagingException e) {
			error = describe(e);
		}
		Instant now = clock.instant();
		Optional<Instant> next = backoff.next(attempt, now);
		repository.failed(row.id(), until, error, next.orElse(now), next.isEmpty());
	}

	/** The innermost reason of a failure, e.g. "Connection refused". */
	private static String describe(Exception e) {
		Throwable t = e;
		String message = e.getMessage();
		while (t.getCause() != null && t.getCause() != t) {
			t = t.getCause();
			message = t.getMessage() == null ? message : t.getMessage();
		}
		return "could not send: " + (message == null ? t.getClass().getSimpleName() : message);
	}

	/** The delivery log keeps finished mails for 30 days. */
	void prune() {
		try {
			repository.prune(clock.instant().minus(Duration.ofDays(30)));
		}
		catch (RuntimeException e) {
			LOG.warn("pruning the mail log failed", e);
		}
	}

}
