package dev.priora.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Forgot your password?" on the sign-in page: a visitor names an address; if it belongs
 * to an active user, a password-reset link is issued and {@link PasswordResetIssued} is
 * published (the mail module e-mails it). The answer is the same whether the address is
 * known or not, so the form tells nobody who has an account. Unlike a reset an
 * administrator issues, this one ends no session or token when issued (a stranger could
 * otherwise sign anyone out); using the link does, as always.
 * <p>
 * Limited through {@link RateLimiter}: {@value #PER_ADDRESS} requests per client address
 * per 15 minutes and {@value #PER_EMAIL} per e-mail address per hour (a refused request
 * does not count).
 */
@Service
public class ForgottenPasswords {

	static final int PER_ADDRESS = 5;

	static final int PER_EMAIL = 3;

	/** What became of a request. */
	public enum Outcome {

		/** Answered "if the address is known, a link is on its way". */
		ACCEPTED,

		/** Too many requests from this client or for this address; try later. */
		LIMITED

	}

	private static final RateLimiter.Limit ADDRESS_LIMIT = new RateLimiter.Limit("reset-request-address", PER_ADDRESS,
			Duration.ofMinutes(15));

	private static final RateLimiter.Limit EMAIL_LIMIT = new RateLimiter.Limit("reset-request-email", PER_EMAIL,
			Duration.ofHours(1));

	private final AccountRepository users;

	private final AccountLinkRepository links;

	private final RateLimiter limiter;

	private final SecurityLog log;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	ForgottenPasswords(AccountRepository users, AccountLinkRepository links, RateLimiter limiter, SecurityLog log,
			ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock) {
		this.users = users;
		this.links = links;
		this.limiter = limiter;
		this.log = log;
		this.events = events;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/**
	 * Asks for a reset link for {@code email}: 400 naming {@code email} when it is not an
	 * e-mail address.
	 */
	public Outcome request(String email) {
		String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
		if (!normalized.matches("[^@\\s]+@[^@\\s]+") || normalized.length() > 320) {
			throw ProductRoles.problem(HttpStatus.BAD_REQUEST, "email", "is not an e-mail address");
		}
		Optional<RateLimiter.Permit> byAddress = limiter.tryAcquire(ADDRESS_LIMIT, SecurityLog.clientIp());
		if (byAddress.isEmpty()) {
			return Outcome.LIMITED;
		}
		if (limiter.tryAcquire(EMAIL_LIMIT, normalized).isEmpty()) {
			limiter.release(byAddress.get());
			return Outcome.LIMITED;
		}
		transaction.executeWithoutResult(tx -> issue(normalized));
		return Outcome.ACCEPTED;
	}

	private void issue(String email) {
		SignedInUser u = users.findByEmail(email).filter(SignedInUser::isEnabled).orElse(null);
		if (u == null) {
			return;
		}
		String secret = Secrets.random();
		Instant now = clock.instant();
		Instant expires = now.plus(AccountLinks.LINK_VALIDITY);
		links.insert("RESET", Secrets.sha256(secret), email, u.id(), u.id(), now, expires);
		log.record(SecurityEventType.PASSWORD_RESET_ISSUED, u.id(), email, "asked for on the sign-in page");
		events.publishEvent(new PasswordResetIssued(u.id(), email, u.displayName(), secret, expires, true));
	}

}
