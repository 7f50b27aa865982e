package dev.priora.accounts;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One-time recovery codes: ten of ten random characters each (no 0/o, 1/l/i), shown once
 * as {@code xxxxx-xxxxx}, kept only as the SHA-256 of the user's id and the code. Typing
 * is forgiving: case, blanks and dashes do not matter.
 */
final class RecoveryCodes {

	static final int COUNT = 10;

	private static final String ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";

	private static final SecureRandom RANDOM = new SecureRandom();

	private RecoveryCodes() {
	}

	/** Replaces the user's codes by ten new ones and answers them. */
	static List<String> replace(TwoFactorRepository store, UserId user) {
		List<String> codes = new ArrayList<>();
		List<String> hashes = new ArrayList<>();
		for (int i = 0; i < COUNT; i++) {
			StringBuilder code = new StringBuilder();
			for (int c = 0; c < 10; c++) {
				code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
			}
			codes.add(code.substring(0, 5) + "-" + code.substring(5));
			hashes.add(hash(user, code.toString()));
		}
		store.replaceRecoveryCodes(user, hashes);
		return List.copyOf(codes);
	}

	/** Spends the code if it is one of the user's unused codes. */
	static boolean use(TwoFactorRepository store, UserId user, String typed, Instant now) {
		String code = typed.toLowerCase(Locale.ROOT).replaceAll("[\\s-]", "");
		return code.length() == 10 && store.useRecoveryCode(user, hash(user, code), now);
	}

	private static String hash(UserId user, String code) {
		return Secrets.sha256(user.value() + ":" + code);
	}

}
