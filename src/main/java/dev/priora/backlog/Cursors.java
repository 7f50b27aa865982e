package dev.priora.backlog;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.priora.backlog.engine.RankKeys;

/** Opaque page cursors: the rank key of the last item shown, base64url-encoded. */
final class Cursors {

	private Cursors() {
	}

	static String encode(String rank) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(rank.getBytes(StandardCharsets.US_ASCII));
	}

	static String decode(String cursor) {
		if (cursor == null || cursor.isBlank()) {
			return null;
		}
		try {
			String rank = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
			if (RankKeys.isValid(rank)) {
				return rank;
			}
		}
		catch (IllegalArgumentException e) {
			// fall through to the error below
		}
		throw BacklogProblem.invalid("cursor", "is not a cursor this server returned");
	}

}
