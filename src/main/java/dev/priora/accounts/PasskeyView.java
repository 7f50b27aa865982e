package dev.priora.accounts;

import java.time.Instant;

/**
 * One of a user's passkeys: its credential id (base64url, as the browser knows it), the
 * label its owner gave it, when it was registered and when it last signed in (null: never
 * since it was registered).
 */
public record PasskeyView(String id, String label, Instant created, Instant lastUsed) {
}
