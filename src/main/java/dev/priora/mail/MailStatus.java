package dev.priora.mail;

import java.util.List;
import java.util.Map;

/**
 * Whether and how Priora sends mail, for the Admin page and
 * {@code GET /api/v1/admin/mail}.
 *
 * @param configured a mail server and a sender are set, so mail is sent
 * @param linksReady {@code configured} and a base URL set, so invitations and resets are
 * e-mailed
 * @param host the SMTP host, or null
 * @param from the sender, or null
 * @param baseUrl the address links start with, or null
 * @param problems what is missing, in words (empty when all is set)
 * @param counts mails in the outbox by state
 * @param retryDelays the waits between attempts (ISO-8601 durations)
 */
public record MailStatus(boolean configured, boolean linksReady, String host, int port, String from, String baseUrl,
		List<String> problems, Map<MailState, Long> counts, List<String> retryDelays) {
}
