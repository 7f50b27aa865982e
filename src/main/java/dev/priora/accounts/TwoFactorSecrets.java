package dev.priora.accounts;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.encrypt.TextEncryptor;
import org.springframework.stereotype.Component;

/**
 * Keeps two-factor secrets at rest: encrypted with AES-256-GCM (Spring Security's
 * {@code Encryptors.delux}, a key derived from {@code priora.security.two-factor-key} by
 * PBKDF2, a random IV per secret) when that key is set, so that a copy of the database
 * alone does not give the secrets away; as they are otherwise (set the key on every node
 * alike). Either way a secret is shown only while it is being enrolled.
 */
@Component
class TwoFactorSecrets {

	private static final String SALT = "5072696f72612d746f7470";

	private final TextEncryptor encryptor;

	TwoFactorSecrets(@Value("${priora.security.two-factor-key:}") String key) {
		this.encryptor = key.isBlank() ? null : Encryptors.delux(key, SALT);
	}

	String seal(String base32Secret) {
		return encryptor == null ? "raw:" + base32Secret : "enc:" + encryptor.encrypt(base32Secret);
	}

	String open(String stored) {
		if (stored.startsWith("raw:")) {
			return stored.substring(4);
		}
		if (encryptor == null) {
			throw new IllegalStateException(
					"two-factor secrets are encrypted but priora.security.two-factor-key (PRIORA_TWO_FACTOR_KEY) is not set");
		}
		return encryptor.decrypt(stored.substring(4));
	}

}
