package dev.priora.accounts;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's passkeys (WebAuthn credentials): listed, relabelled and removed by their
 * owner, listed and removed by an admin (audited). Registering one and signing in with
 * one go through Spring Security's WebAuthn filters ({@code /webauthn/register/**},
 * {@code /webauthn/authenticate/options}, {@code /login/webauthn}), wired by
 * {@link PasskeyWeb}.
 */
@Service
public class Passkeys {

	private final PasskeyRepository store;

	private final AccountRepository users;

	private final SecurityLog log;

	Passkeys(PasskeyRepository store, AccountRepository users, SecurityLog log) {
		this.store = store;
		this.users = users;
		this.log = log;
	}

	/** The user's passkeys, oldest first. */
	@Transactional(readOnly = true)
	public List<PasskeyView> list(UserId user) {
		return store.list(user);
	}

	/** A user's passkeys as an admin sees them (404 for an unknown user). */
	@Transactional(readOnly = true)
	public List<PasskeyView> listFor(UserId user) {
		user(user);
		return store.list(user);
	}

	/** How many passkeys each user has, by user id (users without one are missing). */
	@Transactional(readOnly = true)
	public Map<Long, Integer> counts() {
		return store.counts();
	}

	/** Gives one of the user's passkeys a new label (1 to 100 characters). */
	@Transactional
	public PasskeyView rename(UserId user, String credentialId, String label) {
		String stripped = label == null ? "" : label.strip();
		if (stripped.isEmpty()) {
			throw ProductRoles.problem(HttpStatus.BAD_REQUEST, "label", "give the passkey a name");
		}
		if (stripped.length() > PasskeyCredentials.MAX_LABEL) {
			throw ProductRoles.problem(HttpStatus.BAD_REQUEST, "label",
					"at most " + PasskeyCredentials.MAX_LABEL + " characters");
		}
		if (!store.rename(user, credentialId, stripped)) {
			throw noSuchPasskey();
		}
		return store.list(user)
			.stream()
			.filter(p -> p.id().equals(credentialId))
			.findFirst()
			.orElseThrow(() -> noSuchPasskey());
	}

	/**
	 * Removes one of the user's own passkeys (audited); 404 if they have none by that id.
	 */
	@Transactional
	public void remove(UserId user, String credentialId) {
		SignedInUser owner = user(user);
		if (!store.delete(user, credentialId)) {
			throw noSuchPasskey();
		}
		log.record(SecurityEventType.PASSKEY_REMOVED, user, owner.email(), null);
	}

	/** An admin removes a user's passkey (audited with the admin as actor). */
	@Transactional
	public void removeFor(UserId user, String credentialId, UserId admin) {
		SignedInUser owner = user(user);
		if (!store.delete(user, credentialId)) {
			throw noSuchPasskey();
		}
		log.record(SecurityEventType.PASSKEY_REMOVED, admin, owner.email(), "by an admin");
	}

	private static org.springframework.web.ErrorResponseException noSuchPasskey() {
		return ProductRoles.problem(HttpStatus.NOT_FOUND, "passkey", "no such passkey");
	}

	private SignedInUser user(UserId user) {
		return users.findById(user)
			.orElseThrow(() -> ProductRoles.problem(HttpStatus.NOT_FOUND, "user", "no such user"));
	}

}
