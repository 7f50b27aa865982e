package dev.priora.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time links an admin hands out: invitations (the invited person picks a name and a
 * password) and password resets (which end the user's sessions and tokens when issued and
 * again when used). Each is valid {@link #LINK_VALIDITY}, once; only its SHA-256 is kept.
 */
@Service
public class AccountLinks {

	/** How long an invitation or a password-reset link stays valid. */
	public static final Duration LINK_VALIDITY = Duration.ofDays(3);

	private final AccountService accounts;

	private final AccountRepository users;

	private final AccountLinkRepository links;

	private final PasswordEncoder passwords;

	private final SecurityLog log;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	AccountLinks(AccountService accounts, AccountRepository users, AccountLinkRepository links,
			PasswordEncoder passwords, SecurityLog log, Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.accounts = accounts;
		this.users = users;
		this.links = links;
		this.passwords = passwords;
		this.log = log;
		this.clock = clock;
	}

	/**
	 * Invites {@code email}: returns the one-time secret of the invitation link (valid
	 * {@link #LINK_VALIDITY}).
	 */
	@Transactional
	public String invite(String email, UserId admin) {
		String normalized = AccountService.normalize(email);
		if (!normalized.matches("[^@\\s]+@[^@\\s]+") || normalized.length() > 320) {
			throw ProductRoles.problem(HttpStatus.BAD_REQUEST, "email", "is not an email address");
		}
		if (users.findByEmail(normalized).isPresent()) {
			throw ProductRoles.problem(HttpStatus.CONFLICT, "email", "a user with this email exists already");
		}
		String secret = Secrets.random();
		Instant now = clock.instant();
		links.insert("INVITE", Secrets.sha256(secret), normalized, null, admin, now, now.plus(LINK_VALIDITY));
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
		UserId id = accounts.createUser(link.email(), displayName, password, false);
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
		String secret = Secrets.random();
		Instant now = clock.instant();
		links.insert("RESET", Secrets.sha256(secret), u.email(), user, admin, now, now.plus(LINK_VALIDITY));
		log.record(SecurityEventType.PASSWORD_RESET_ISSUED, admin, u.email(), null);
		events.publishEvent(
				new PasswordResetIssued(user, u.email(), u.displayName(), secret, now.plus(LINK_VALIDITY), false));
		return new PasswordReset(secret, accounts.signOut(u, admin, "password reset issued", null, true, null));
	}

	/**
	 * Sets a new password through a reset link, and again ends every session and token of
	 * the user (any made since the reset was issued).
	 */
	@Transactional
	public SessionsEnded resetPassword(String secret, String password) {
		var link = usableLink("RESET", secret);
		AccountService.checkPassword(password);
		UserId user = new UserId(link.userId());
		users.updatePassword(user, passwords.encode(password));
		links.markUsed(link.id(), clock.instant());
		log.record(SecurityEventType.PASSWORD_RESET, user, link.email(), null);
		return accounts.signOut(users.findById(user).orElseThrow(), user, "password reset", null, true, null);
	}

	/** Whether a one-time link is still usable, for showing its form. */
	public Optional<String> linkEmail(String kind, String secret) {
		return links.find(kind, Secrets.sha256(secret == null ? "" : secret))
			.filter(l -> l.usedAt() == null && l.expiresAt().isAfter(clock.instant()))
			.map(AccountLinkRepository.Link::email);
	}

	private AccountLinkRepository.Link usableLink(String kind, String secret) {
		var link = links.find(kind, Secrets.sha256(secret == null ? "" : secret))
			.orElseThrow(() -> ProductRoles.problem(HttpStatus.NOT_FOUND, "link", "this link is unknown"));
		if (link.usedAt() != null || !link.expiresAt().isAfter(clock.instant())) {
			throw ProductRoles.problem(HttpStatus.GONE, "link", "this link was used or has expired");
		}
		return link;
	}

}
