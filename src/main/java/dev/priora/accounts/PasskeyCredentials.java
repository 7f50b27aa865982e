package dev.priora.accounts;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The credential store Spring Security's WebAuthn filters use: its
 * {@link JdbcUserCredentialRepository} on {@code user_credentials}, plus the audit. A new
 * credential (a registration) gets a label of at most {@value #MAX_LABEL} characters
 * ("Passkey" if none was given) and a {@code PASSKEY_ADDED} event in the same
 * transaction; saving a known one (its signature counter and last use after a sign-in) is
 * not audited here, the sign-in is. A removal through Spring Security's {@code DELETE
 * /webauthn/register/{id}} is audited as {@code PASSKEY_REMOVED}.
 */
@Component
class PasskeyCredentials implements UserCredentialRepository {

	static final int MAX_LABEL = 100;

	private final JdbcUserCredentialRepository jdbc;

	private final PasskeyRepository passkeys;

	private final SecurityLog log;

	PasskeyCredentials(JdbcTemplate jdbc, PasskeyRepository passkeys, SecurityLog log) {
		this.jdbc = new JdbcUserCredentialRepository(jdbc);
		this.passkeys = passkeys;
		this.log = log;
	}

	@Override
	@Transactional
	public void save(CredentialRecord record) {
		if (jdbc.findByCredentialId(record.getCredentialId()) != null) {
			jdbc.save(record);
			return;
		}
		String label = label(record.getLabel());
		jdbc.save(ImmutableCredentialRecord.fromCredentialRecord(record).label(label).build());
		String owner = passkeys.ownerEmail(record.getCredentialId().toBase64UrlString()).orElse(null);
		log.record(SecurityEventType.PASSKEY_ADDED, actor(), owner, label);
	}

	@Override
	@Transactional
	public void delete(Bytes credentialId) {
		String owner = passkeys.ownerEmail(credentialId.toBase64UrlString()).orElse(null);
		if (owner == null) {
			return;
		}
		jdbc.delete(credentialId);
		log.record(SecurityEventType.PASSKEY_REMOVED, actor(), owner, null);
	}

	@Override
	public CredentialRecord findByCredentialId(Bytes credentialId) {
		return jdbc.findByCredentialId(credentialId);
	}

	@Override
	public List<CredentialRecord> findByUserId(Bytes userId) {
		return jdbc.findByUserId(userId);
	}

	private static UserId actor() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof SignedInUser user ? user.id() : null;
	}

	/**
	 * A label as stored: stripped, at most {@value #MAX_LABEL} characters, never empty.
	 */
	static String label(String given) {
		String label = given == null ? "" : given.strip();
		if (label.isEmpty()) {
			return "Passkey";
		}
		return label.length() <= MAX_LABEL ? label : label.substring(0, MAX_LABEL);
	}

}
