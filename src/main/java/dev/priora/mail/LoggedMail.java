package dev.priora.mail;

import java.time.Instant;

/**
 * A mail of the delivery log, as the administrator sees it (never its body).
 *
 * @param attempts attempts made so far (one is counted when a node claims the mail)
 * @param nextAttemptAt when it is tried next (QUEUED)
 * @param lastError why the last attempt failed, or null
 */
public record LoggedMail(long id, String to, String subject, String kind, MailState state, int attempts,
		Instant createdAt, Instant nextAttemptAt, Instant sentAt, String lastError, String messageId) {
}
