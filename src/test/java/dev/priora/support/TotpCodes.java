package dev.priora.support;

import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;

import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

/**
 * Computes TOTP codes (RFC 6238: HMAC-SHA1, six digits, 30 s) from a Base32 secret, as an
 * authenticator app does, independently of the server's code.
 */
public final class TotpCodes {

	private static final TimeBasedOneTimePasswordGenerator TOTP = new TimeBasedOneTimePasswordGenerator(
			Duration.ofSeconds(30), 6);

	private TotpCodes() {
	}

	/**
	 * The code {@code stepsAhead} 30-second steps from now (0: the current one; the
	 * server accepts one step either side, each step once).
	 */
	public static String code(String secret, int stepsAhead) {
		SecretKeySpec key = new SecretKeySpec(new Base32().decode(secret.replace(" ", "")), "HmacSHA1");
		try {
			return TOTP.generateOneTimePasswordString(key, Instant.now().plusSeconds(30L * stepsAhead),
					java.util.Locale.ROOT);
		}
		catch (InvalidKeyException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A six-digit code that is none of the codes the server accepts now. */
	public static String wrongCode(String secret) {
		java.util.Set<String> valid = java.util.Set.of(code(secret, -1), code(secret, 0), code(secret, 1));
		for (int n = 0;; n++) {
			String candidate = String.format("%06d", (123456 + n * 7919) % 1_000_000);
			if (!valid.contains(candidate)) {
				return candidate;
			}
		}
	}

}
