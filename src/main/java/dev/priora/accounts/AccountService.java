package dev.priora.accounts;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users and their passwords: creation, profile and password changes, deactivation (which
 * ends every session and token). API tokens are {@link ApiTokens}; invitations and
 * password-reset links {@link AccountLinks}.
 */
@Service
public class AccountService {

	private final AccountRepository users;

	private final PasswordEncoder passwords;

	private final SecurityLog log;

	private final SessionTerminator sessions;

	private final Clock clock;

	AccountService(AccountRepository users, PasswordEncoder passwords, SecurityLog log, SessionTerminator sessions,
			Clock clock) {
		this.users = users;
		this.passwords = passwords;
		this.log = log;
		this.sessions = sessions;
		this.clock = clock;
	}

	/** Creates a user; the email is stored in lower case and must be unused. */
	@Transactional
	public UserId createUser(String email, String displayName, String rawPassword, boolean admin) {
		String normalized = normalize(email);
		checkPassword(rawPassword);
		if (users.findByEmail(normalized).isPresent()) {
			throw ProductRoles.problem(HttpStatus.CONFLICT, "email", "a user with this email exists already");
		}
		return users.insertUser(normalized, displayName.strip(), passwords.encode(rawPassword), admin, clock.instant());
	}

	public long userCount() {
		return users.countUsers();
	}

	public Optional<UserView> findByEmail(String email) {
		return users.findByEmail(normalize(email)).map(AccountService::view);
	}

	public Optional<UserView> findById(UserId id) {
		return users.findById(id).map(AccountService::view);
	}

	public List<UserView> users() {
		return users.allUsers().stream().map(AccountService::view).toList();
	}

	Optional<SignedInUser> loadForSignIn(String email) {
		return users.findByEmail(normalize(email));
	}

	/** Display names of the given users, for showing who changed what. */
	public Map<UserId, String> displayNames(Collection<UserId> ids) {
		List<Long> raw = ids.stream().map(UserId::value).distinct().toList();
		return users.findAll(raw)
			.stream()
			.collect(Collectors.toMap(SignedInUser::id, SignedInUser::displayName, (a, b) -> a));
	}

	/** Changes the user's own name. */
	@Transactional
	public void changeName(UserId user, String displayName) {
		if (displayName == null || displayName.isBlank() || displayName.strip().length() > 200) {
			throw ProductRoles.problem(HttpStatus.BAD_REQUEST, "displayName", "must be 1 to 200 characters");
		}
		users.updateName(user, displayName.strip());
	}

	/**
	 * A change of one's own password: the current and the new password, whether to revoke
	 * one's API tokens too, and what the request came with, which stays valid: its web
	 * session ({@code keepSession}, null from the API) or its token ({@code keepToken},
	 * the secret; null from the web).
	 */
	public record PasswordChange(String currentPassword, String newPassword, boolean revokeTokens, String keepSession,
			String keepToken) {
	}

	/**
	 * Changes the user's own password after checking the current one, and ends every
	 * other session of the user (and, when asked, revokes the user's other tokens), on
	 * every node at once; answers what it ended.
	 */
	@Transactional
	public SessionsEnded changePassword(UserId user, PasswordChange change) {
		SignedInUser u = users.findById(user).orElseThrow();
		if (change.currentPassword() == null || !passwords.matches(change.currentPassword(), u.getPassword())) {
			throw ProductRoles.problem(HttpStatus.BAD_REQUEST, "currentPassword", "is wrong");
		}
		checkPassword(change.newPassword());
		users.updatePassword(user, passwords.encode(change.newPassword()));
		log.record(SecurityEventType.PASSWORD_CHANGED, user, u.email(), null);
		return signOut(u, user, "password changed", change.keepSession(), change.revokeTokens(),
				change.keepToken() == null ? null : Secrets.sha256(change.keepToken()));
	}

	/**
	 * Ends the user's sessions but {@code keepSession} and, when {@code tokens}, revokes
	 * the user's tokens but the one with {@code keepTokenHash}; audits what it ended.
	 */
	SessionsEnded signOut(SignedInUser u, UserId actor, String why, String keepSession, boolean tokens,
			String keepTokenHash) {
		int revoked = tokens ? users.revokeAllTokens(u.id(), keepTokenHash, clock.instant()) : 0;
		SessionsEnded ended = new SessionsEnded(sessions.endSessionsOf(u.email(), keepSession), revoked);
		log.record(SecurityEventType.SESSIONS_ENDED, actor, u.email(), why + ": " + ended.describe());
		return ended;
	}

	/**
	 * Deactivates a user: sign-in refused, every session ended and every token revoked at
	 * once.
	 */
	@Transactional
	public void deactivate(UserId user, UserId admin) {
		if (user.equals(admin)) {
			throw ProductRoles.problem(HttpStatus.CONFLICT, "user", "you cannot deactivate yourself");
		}
		SignedInUser u = users.findById(user)
			.orElseThrow(() -> ProductRoles.problem(HttpStatus.NOT_FOUND, "user", "no such user"));
		users.setActive(user, false);
		log.record(SecurityEventType.USER_DEACTIVATED, admin, u.email(), null);
		signOut(u, admin, "deactivated", null, true, null);
	}

	@Transactional
	public void reactivate(UserId user, UserId admin) {
		SignedInUser u = users.findById(user)
			.orElseThrow(() -> ProductRoles.problem(HttpStatus.NOT_FOUND, "user", "no such user"));
		users.setActive(user, true);
		log.record(SecurityEventType.USER_REACTIVATED, admin, u.email(), null);
	}

	static void checkPassword(String password) {
		if (password == null || password.length() < 10 || password.length() > 200) {
			throw ProductRoles.problem(HttpStatus.BAD_REQUEST, "password", "must be 10 to 200 characters");
		}
	}

	static String normalize(String email) {
		return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
	}

	private static UserView view(SignedInUser u) {
		return new UserView(u.id(), u.email(), u.displayName(), u.isEnabled(), u.admin());
	}

}
