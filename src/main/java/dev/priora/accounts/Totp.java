package dev.priora.accounts;

import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.spec.SecretKeySpec;

import org.apache.commons.codec.binary.Base32;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

/**
 * Time-based one-time passwords (RFC 6238) as every authenticator app makes them: a
 * 160-bit secret shown in Base32, HMAC-SHA1, six digits, 30-second steps. The codes come
 * from java-otp; this class only picks the steps to compare: the current one and one on
 * each side, for clocks up to 30 s apart.
 */
final class Totp {

	static final Duration STEP = Duration.ofSeconds(30);

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final TimeBasedOneTimePasswordGenerator CODES = new TimeBasedOneTimePasswordGenerator(STEP, 6);

	private Totp() {
	}

	/** A new random secret: 20 bytes in upper-case Base32 without padding. */
	static String newSecret() {
		byte[] bytes = new byte[20];
		RANDOM.nextBytes(bytes);
		return new Base32().encodeAsString(bytes).replace("=", "");
	}

	/** The six-digit code for the secret at the given 30-second step. */
	static String code(String base32Secret, long step) {
		SecretKeySpec key = new SecretKeySpec(new Base32().decode(base32Secret), "HmacSHA1");
		try {
			return CODES.generateOneTimePasswordString(key, Instant.ofEpochSecond(step * STEP.toSeconds()),
					java.util.Locale.ROOT);
		}
		catch (InvalidKeyException e) {
			throw new IllegalStateException("a two-factor secret is not a valid HMAC key", e);
		}
	}

	/** The step an instant falls in. */
	static long step(Instant at) {
		return Math.floorDiv(at.getEpochSecond(), STEP.toSeconds());
	}

	/**
	 * The step (now, one before or one after) whose code the typed code is, or empty;
	 * blanks in the typed code are ignored.
	 */
	static OptionalLong matchingStep(String base32Secret, String typed, Instant now) {
		String digits = typed == null ? "" : typed.replaceAll("\\s", "");
		if (!digits.matches("\\d{6}")) {
			return OptionalLong.empty();
		}
		long current = step(now);
		for (long step = current - 1; step <= current + 1; step++) {
			if (java.security.MessageDigest.isEqual(code(base32Secret, step).getBytes(), digits.getBytes())) {
				return OptionalLong.of(step);
			}
		}
		return OptionalLong.empty();
	}

	/**
	 * The {@code otpauth://} URI authenticator apps read from the QR code (the de-facto
	 * Key Uri Format): issuer Priora, the account's e-mail as its label.
	 */
	static String uri(String email, String base32Secret) {
		String label = encode("Priora:" + email);
		return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer=Priora&algorithm=SHA1&digits=6&period="
				+ STEP.toSeconds();
	}

	/** The secret in groups of four, easier to type into an app by hand. */
	static String grouped(String base32Secret) {
		return base32Secret.replaceAll("(.{4})(?!$)", "$1 ");
	}

	private static String encode(String s) {
		return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
	}

}
