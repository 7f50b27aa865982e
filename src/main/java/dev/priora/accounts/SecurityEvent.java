package dev.priora.accounts;

import java.time.Instant;

/**
 * One entry of the security audit log. {@code actor} is who did it (null when nobody was
 * signed in).
 */
public record SecurityEvent(long id, Instant occurredAt, SecurityEventType type, String actor, String subject,
		String clientIp, String detail) {
}
