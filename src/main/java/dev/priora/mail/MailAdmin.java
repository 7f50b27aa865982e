package dev.priora.mail;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.problem.DomainProblem;

/** The administrator's view of mail: the settings in force, the delivery log, retries. */
@Service
public class MailAdmin {

	private final MailRepository repository;

	private final MailSettings settings;

	private final MailDispatcher dispatcher;

	private final Clock clock;

	MailAdmin(MailRepository repository, MailSettings settings, MailDispatcher dispatcher, Clock clock) {
		this.repository = repository;
		this.settings = settings;
		this.dispatcher = dispatcher;
		this.clock = clock;
	}

	public MailStatus status() {
		List<String> problems = new ArrayList<>();
		if (settings.host().isEmpty()) {
			problems.add("No mail server is configured (SPRING_MAIL_HOST): nothing is sent, mails stay queued, and"
					+ " invitation and reset links are only shown here to copy.");
		}
		if (settings.from().isEmpty()) {
			problems.add("No sender is configured (PRIORA_MAIL_FROM): nothing is sent.");
		}
		if (settings.baseUrl().isEmpty()) {
			problems.add("No base URL is configured (PRIORA_BASE_URL): links in mails need it, so invitations and"
					+ " password resets are not e-mailed.");
		}
		return new MailStatus(settings.configured(), settings.linksReady(), settings.host().orElse(null),
				settings.port(), settings.from().orElse(null), settings.baseUrl().orElse(null), problems,
				repository.counts(), dispatcher.backoff().delays().stream().map(Duration::toString).toList());
	}

	/** The latest mails of the delivery log, newest first (1 to 200). */
	public List<LoggedMail> recent(int limit) {
		return repository.recent(Math.max(1, Math.min(limit, 200)));
	}

	/**
	 * Queues a FAILED mail again: 404 when unknown, 409 {@code mail-not-failed}
	 * otherwise.
	 */
	@Transactional
	public LoggedMail retry(long id) {
		LoggedMail mail = repository.find(id).orElseThrow(() -> DomainProblem.notFound("Mail " + id));
		if (!repository.retry(id, clock.instant())) {
			throw DomainProblem.conflict("mail-not-failed", "Mail " + id + " is "
					+ mail.state().name().toLowerCase(java.util.Locale.ROOT) + "; only a failed mail is retried.");
		}
		return repository.find(id).orElseThrow();
	}

}
