package dev.priora.backlog;

import dev.priora.problem.DomainProblem;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.priora.backlog.engine.RankKeys;

/**
 * Opaque page cursors, base64url-encoded: in rank order the rank key of the last item
 * shown, in other orders the number of items shown so far ({@code #n}).
 */
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
		throw DomainProblem.invalid("cursor", "is not a cursor this server returned");
	}

	static String encodeOffset(int offset) {
		return encode("#" + offset);
	}

	static int decodeOffset(String cursor) {
		if (cursor == null || cursor.isBlank()) {
			return 0;
		}
		try {
			String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
			if (text.matches("#\\d{1,9}")) {
				return Integer.parseInt(text.substring(1));
			}
		}
		catch (IllegalArgumentException e) {
			// fall through to the error below
		}
		throw DomainProblem.invalid("cursor", "is not a cursor this server returned for this order");
	}

}
