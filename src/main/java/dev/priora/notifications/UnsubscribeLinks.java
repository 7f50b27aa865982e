package dev.priora.notifications;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
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

import dev.priora.mail.MailSettings;

/**
 * One-click unsubscribe links (RFC 8058): {@code /unsubscribe/{user}.{what}.{mac}}, where
 * {@code what} is a kind's {@link NotificationKind#slug()} or {@code digest} and
 * {@code mac} the HMAC-SHA256 of user and what under the server's key (URL-safe Base64,
 * 43 characters). A link names its person and kind and cannot be made or changed without
 * the key; it needs no storage and stays valid while the key does. The key is 32 random
 * bytes made by the first node that needs it and kept in {@code server_keys}, so every
 * node checks every link; deleting that row invalidates all links.
 */
@Component
class UnsubscribeLinks {

	/** What a digest's link unsubscribes from: every kind chosen for the digest. */
	static final String DIGEST = "digest";

	private static final String KEY_NAME = "unsubscribe";

	private static final Pattern TOKEN = Pattern.compile("([1-9][0-9]{0,17})\\.([a-z-]{1,40})\\.([A-Za-z0-9_-]{43})");

	/** Whom and what a valid link unsubscribes. */
	record Target(long userId, String what) {

		/** The kind, or empty for the digest. */
		Optional<NotificationKind> kind() {
			return NotificationKind.ofSlug(what);
		}

	}

	private final EmailRepository emails;

	private final MailSettings settings;

	private final TransactionTemplate separate;

	private final Clock clock;

	private volatile byte[] key;

	UnsubscribeLinks(EmailRepository emails, MailSettings settings, PlatformTransactionManager transactions,
			Clock clock) {
		this.emails = emails;
		this.settings = settings;
		this.separate = new TransactionTemplate(transactions);
		this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/** The absolute link for the user and what (a kind's slug or {@link #DIGEST}). */
	URI url(long userId, String what) {
		return URI.create(settings.link("/unsubscribe/" + token(userId, what))
			.orElseThrow(() -> new IllegalStateException("unsubscribe links need PRIORA_BASE_URL")));
	}

	String token(long userId, String what) {
		return userId + "." + what + "." + mac(userId, what);
	}

	/**
	 * The link's person and what, when the token is well formed, names a kind or the
	 * digest, and carries its own HMAC; empty otherwise (compared in constant time).
	 */
	Optional<Target> verify(String token) {
		if (token == null || token.length() > 100) {
			return Optional.empty();
		}
		Matcher m = TOKEN.matcher(token);
		if (!m.matches()) {
			return Optional.empty();
		}
		long user = Long.parseLong(m.group(1));
		String what = m.group(2);
		if (!DIGEST.equals(what) && NotificationKind.ofSlug(what).isEmpty()) {
			return Optional.empty();
		}
		boolean genuine = MessageDigest.isEqual(mac(user, what).getBytes(StandardCharsets.US_ASCII),
				m.group(3).getBytes(StandardCharsets.US_ASCII));
		return genuine ? Optional.of(new Target(user, what)) : Optional.empty();
	}

	private String mac(long userId, String what) {
		try {
			Mac hmac = Mac.getInstance("HmacSHA256");
			hmac.init(new SecretKeySpec(key(), "HmacSHA256"));
			byte[] sum = hmac.doFinal(("priora-unsubscribe:" + userId + ":" + what).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(sum);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * The key, read (or made) once in a transaction of its own: a key made inside a
	 * caller's transaction that then rolled back would sign links no node can check.
	 */
	private byte[] key() {
		byte[] k = key;
		if (k == null) {
			Optional<String> stored = separate.execute(tx -> emails.key(KEY_NAME));
			if (stored.isEmpty()) {
				byte[] fresh = new byte[32];
				new SecureRandom().nextBytes(fresh);
				try {
					separate.executeWithoutResult(tx -> emails.insertKey(KEY_NAME,
							Base64.getUrlEncoder().withoutPadding().encodeToString(fresh), clock.instant()));
				}
				catch (DuplicateKeyException e) {
					// another node made it first: use theirs
				}
				stored = separate.execute(tx -> emails.key(KEY_NAME));
			}
			k = Base64.getUrlDecoder().decode(stored.orElseThrow());
			key = k;
		}
		return k;
	}

}
