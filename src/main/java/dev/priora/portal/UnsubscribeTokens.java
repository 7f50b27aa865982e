package dev.priora.portal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The portal's one-click unsubscribe tokens: {@code {what}.{address}.{mac}}, where
 * {@code what} is {@code changelog} or {@code i} and an idea's id, {@code address} the
 * visitor's e-mail (URL-safe Base64) and {@code mac} the HMAC-SHA256 of product, what and
 * address under a key of the server's own (URL-safe Base64, 43 characters). A token names
 * its portal, address and subscription and cannot be made or changed without the key;
 * nothing is stored per token. The key is 32 random bytes kept in {@code server_keys} (as
 * {@code portal-unsubscribe}), made by the first node that needs it.
 */
@Component
class UnsubscribeTokens {

	/** What a changelog subscription's token names. */
	static final String CHANGELOG = "changelog";

	private static final String KEY_NAME = "portal-unsubscribe";

	private static final Pattern TOKEN = Pattern
		.compile("(changelog|i[1-9][0-9]{0,17})\\.([A-Za-z0-9_-]{4,440})\\.([A-Za-z0-9_-]{43})");

	/** Whom and what a genuine token unsubscribes. */
	record Target(String email, String what) {

		/** The idea whose mails stop, or null for the changelog. */
		Long ideaId() {
			return what.startsWith("i") ? Long.valueOf(what.substring(1)) : null;
		}

	}

	private final ServerKeyRepository keys;

	private final TransactionTemplate separate;

	private final Clock clock;

	private volatile byte[] key;

	UnsubscribeTokens(ServerKeyRepository keys, PlatformTransactionManager transactions, Clock clock) {
		this.keys = keys;
		this.separate = new TransactionTemplate(transactions);
		this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	static String idea(long ideaId) {
		return "i" + ideaId;
	}

	String token(String productKey, String email, String what) {
		String address = Base64.getUrlEncoder().withoutPadding().encodeToString(email.getBytes(StandardCharsets.UTF_8));
		return what + "." + address + "." + mac(productKey, what, email);
	}

	/** The token's address and subscription when it is well formed and genuine. */
	Optional<Target> verify(String productKey, String token) {
		if (token == null || token.length() > 520) {
			return Optional.empty();
		}
		Matcher m = TOKEN.matcher(token);
		if (!m.matches()) {
			return Optional.empty();
		}
		String email;
		try {
			email = new String(Base64.getUrlDecoder().decode(m.group(2)), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
		boolean genuine = MessageDigest.isEqual(mac(productKey, m.group(1), email).getBytes(StandardCharsets.US_ASCII),
				m.group(3).getBytes(StandardCharsets.US_ASCII));
		return genuine ? Optional.of(new Target(email, m.group(1))) : Optional.empty();
	}

	private String mac(String productKey, String what, String email) {
		try {
			Mac hmac = Mac.getInstance("HmacSHA256");
			hmac.init(new SecretKeySpec(key(), "HmacSHA256"));
			byte[] sum = hmac.doFinal(("priora-portal-unsubscribe:" + productKey + ":" + what + ":" + email)
				.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(sum);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * The key, read (or made) once in a transaction of its own, so that a key made inside
	 * a caller's transaction that rolled back never signs a link.
	 */
	private byte[] key() {
		byte[] k = key;
		if (k == null) {
			Optional<String> stored = separate.execute(tx -> stored());
			if (stored.isEmpty()) {
				byte[] fresh = new byte[32];
				new SecureRandom().nextBytes(fresh);
				try {
					separate.executeWithoutResult(
							tx -> keys.insert(KEY_NAME, Base64.getUrlEncoder().withoutPadding().encodeToString(fresh),
									clock.instant().atOffset(ZoneOffset.UTC)));
				}
				catch (DuplicateKeyException e) {
					// another node made it first: use theirs
				}
				stored = separate.execute(tx -> stored());
			}
			k = Base64.getUrlDecoder().decode(stored.orElseThrow());
			key = k;
		}
		return k;
	}

	private Optional<String> stored() {
		return keys.secret(KEY_NAME);
	}

}
