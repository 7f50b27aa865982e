package dev.priora.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users, passwords, personal API tokens, invitations and password resets. */
@Service
public class AccountService {

	static final String TOKEN_PREFIX = "pri_";

	/** How long an invitation or a password-reset link stays valid. */
	public static final Duration LINK_VALIDITY = Duration.ofDays(3);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final AccountRepository users;

	private final AccountLinkRepository links;

	private final PasswordEncoder passwords;

	private final SecurityLog log;

	private final SessionTerminator sessions;

	private final Clock clock;

	private final Map<String, Instant> lastTouched = new ConcurrentHashMap<>();

	private final ApplicationEventPublisher events;

	AccountService(AccountRepository users, AccountLinkRepository links, PasswordEncoder passwords, SecurityLog log,
			SessionTerminator sessions, Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.users = users;
		this.links = links;
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

	/**
	 * Creates a personal token; the secret is returned once and only its SHA-256 is kept.
	 */
	@Transactional
	public CreatedToken createToken(UserId user, String name, TokenScope scope) {
		String secret = TOKEN_PREFIX + randomSecret();
		long id = users.insertToken(user, name, sha256(secret), secret.substring(0, 10), scope, clock.instant());
		log.record(SecurityEventType.TOKEN_CREATED, user, name, scope.access() + (scope.productKeys().isEmpty()
				? ", all products" : ", products " + ProductRoles.keys(scope.productKeys())));
		return new CreatedToken(users.token(user, id).orElseThrow(), secret);
	}

	public List<ApiTokenView> tokens(UserId user) {
		return users.tokensOf(user);
	}

	/** Revokes a token of the user; unknown ids answer 404. */
	@Transactional
	public void revokeToken(UserId user, long tokenId) {
		ApiTokenView token = users.token(user, tokenId)
			.orElseThrow(() -> ProductRoles.problem(HttpStatus.NOT_FOUND, "id", "no such token"));
		users.revokeToken(user, tokenId, clock.instant());
		log.record(SecurityEventType.TOKEN_REVOKED, user, token.name(), null);
	}

	/**
	 * The active user owning the token, with the token's scope. "Last used" is written at
	 * most once a minute per token, so that busy scripts do not turn every read into a
	 * write on one row.
	 */
	Optional<SignedInUser> authenticateToken(String secret) {
		if (!secret.startsWith(TOKEN_PREFIX) || secret.length() > 200) {
			return Optional.empty();
		}
		String hash = sha256(secret);
		Optional<SignedInUser> owner = users.findActiveTokenOwner(hash).filter(SignedInUser::isEnabled);
		if (owner.isPresent()) {
			Instant now = clock.instant();
			Instant last = lastTouched.get(hash);
			if (last == null || last.isBefore(now.minusSeconds(60))) {
				lastTouched.put(hash, now);
				users.touchToken(hash, now);
			}
		}
		return owner;
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
				change.keepToken() == null ? null : sha256(change.keepToken()));
	}

	/**
	 * Ends the user's sessions but {@code keepSession} and, when {@code tokens}, revokes
	 * the user's tokens but the one with {@code keepTokenHash}; audits what it ended.
	 */
	private SessionsEnded signOut(SignedInUser u, UserId actor, String why, String keepSession, boolean tokens,
			String keepTokenHash) {
		int revoked = tokens ? users.revokeAllTokens(u.id(), keepTokenHash, clock.instant()) : 0;
		SessionsEnded ended = new SessionsEnded(sessions.endSessionsOf(u.email(), keepSession), revoked);
		log.record(SecurityEventType.SESSIONS_ENDED, actor, u.email(), why + ": " + ended.describe());
		return ended;
	}

	/**
	 * Invites {@code email}: returns the one-time secret of the invitation link (valid
	 * {@link #LINK_VALIDITY}).
	 */
	@Transactional
	public String invite(String email, UserId admin) {
		String normalized = normalize(email);
		if (!normalized.matches("[^@\\s]+@[^@\\s]+") || normalized.length() > 320) {
			throw ProductRoles.problem(HttpStatus.BAD_REQUEST, "email", "is not an email address");
		}
		if (users.findByEmail(normalized).isPresent()) {
			throw ProductRoles.problem(HttpStatus.CONFLICT, "email", "a user with this email exists already");
		}
		String secret = randomSecret();
		Instant now = clock.instant();
		links.insert("INVITE", sha256(secret), normalized, null, admin, now, now.plus(LINK_VALIDITY));
		log.record(SecurityEventType.USER_INVITED, admin, normalized, null);
		events.publishEvent(new InvitationIssued(normalized, secret, now.plus(LINK_VALIDITY), admin));
		return secret;
	}

	/** Accepts an invitation: creates the user with the chosen name and password. */
	@Transactional
	public UserId acceptInvitation(String secret, String displayName, String password) {
		var link = usableLink("INVITE", secret);
		if (displayName == null || displayName.isBlank()) {
			throw ProductRoles.problem(HttpStatus.BAD_REQUEST, "displayName", "must not be blank");
		}
		UserId id = createUser(link.email(), displayName, password, false);
		links.markUsed(link.id(), clock.instant());
		log.record(SecurityEventType.USER_JOINED, id, link.email(), null);
		return id;
	}

	/**
	 * A password-reset link issued: its one-time secret, and the sessions and tokens of
	 * the user it ended.
	 */
	public record PasswordReset(String secret, SessionsEnded ended) {
	}

	/**
	 * Issues a password-reset link for the user and ends every session and token of the
	 * user at once.
	 */
	@Transactional
	public PasswordReset issuePasswordReset(UserId user, UserId admin) {
		SignedInUser u = users.findById(user)
			.orElseThrow(() -> ProductRoles.problem(HttpStatus.NOT_FOUND, "user", "no such user"));
		String secret = randomSecret();
		Instant now = clock.instant();
		links.insert("RESET", sha256(secret), u.email(), user, admin, now, now.plus(LINK_VALIDITY));
		log.record(SecurityEventType.PASSWORD_RESET_ISSUED, admin, u.email(), null);
		events.publishEvent(
				new PasswordResetIssued(user, u.email(), u.displayName(), secret, now.plus(LINK_VALIDITY), false));
		return new PasswordReset(secret, signOut(u, admin, "password reset issued", null, true, null));
	}

	/**
	 * Sets a new password through a reset link, and again ends every session and token of
	 * the user (any made since the reset was issued).
	 */
	@Transactional
	public SessionsEnded resetPassword(String secret, String password) {
		var link = usableLink("RESET", secret);
		checkPassword(password);
		UserId user = new UserId(link.userId());
		users.updatePassword(user, passwords.encode(password));
		links.markUsed(link.id(), clock.instant());
		log.record(SecurityEventType.PASSWORD_RESET, user, link.email(), null);
		return signOut(users.findById(user).orElseThrow(), user, "password reset", null, true, null);
	}

	/** Whether a one-time link is still usable, for showing its form. */
	public Optional<String> linkEmail(String kind, String secret) {
		return links.find(kind, sha256(secret == null ? "" : secret))
			.filter(l -> l.usedAt() == null && l.expiresAt().isAfter(clock.instant()))
			.map(AccountLinkRepository.Link::email);
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

	private AccountLinkRepository.Link usableLink(String kind, String secret) {
		var link = links.find(kind, sha256(secret == null ? "" : secret))
			.orElseThrow(() -> ProductRoles.problem(HttpStatus.NOT_FOUND, "link", "this link is unknown"));
		if (link.usedAt() != null || !link.expiresAt().isAfter(clock.instant())) {
			throw ProductRoles.problem(HttpStatus.GONE, "link", "this link was used or has expired");
		}
		return link;
	}

	static void checkPassword(String password) {
		if (password == null || password.length() < 10 || password.length() > 200) {
			throw ProductRoles.problem(HttpStatus.BAD_REQUEST, "password", "must be 10 to 200 characters");
		}
	}

	private static String normalize(String email) {
		return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
	}

	static String randomSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static UserView view(SignedInUser u) {
		return new UserView(u.id(), u.email(), u.displayName(), u.isEnabled(), u.admin());
	}

	static String sha256(String value) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
