package dev.priora.accounts;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A user's own second factor: enrol (a secret shown once as a QR code, confirmed with a
 * code, ten one-time recovery codes), renew the recovery codes, turn it off (with a code
 * or the password), and check a code at sign-in. Every code check is throttled through
 * the {@link RateLimiter} (per user and per client address, the sign-in limits) and
 * audited; a time step's code is accepted once only. Each command runs in one
 * transaction, taken after the rate-limit permits.
 */
@Service
public class TwoFactor {

	/** What a code check came to. */
	public enum Outcome {

		ACCEPTED, REFUSED, THROTTLED

	}

	/** The header a password-only API caller sends its second-factor code in. */
	public static final String CODE_HEADER = "X-Priora-Two-Factor-Code";

	private final TwoFactorRepository store;

	private final TwoFactorSecrets secrets;

	private final AccountRepository users;

	private final PasswordEncoder passwords;

	private final SecurityLog log;

	private final RateLimiter limiter;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final RateLimiter.Limit perUser;

	private final RateLimiter.Limit perAddress;

	TwoFactor(TwoFactorRepository store, TwoFactorSecrets secrets, AccountRepository users, PasswordEncoder passwords,
			SecurityLog log, RateLimiter limiter, PlatformTransactionManager transactions, Clock clock,
			@Value("${priora.security.max-failures-per-account}") int maxPerUser,
			@Value("${priora.security.max-failures-per-address}") int maxPerAddress,
			@Value("${priora.security.lockout-minutes}") int lockoutMinutes) {
		this.store = store;
		this.secrets = secrets;
		this.users = users;
		this.passwords = passwords;
		this.log = log;
		this.limiter = limiter;
		this.tx = new TransactionTemplate(transactions);
		this.clock = clock;
		Duration window = Duration.ofMinutes(lockoutMinutes);
		this.perUser = new RateLimiter.Limit("two-factor-user", maxPerUser, window);
		this.perAddress = new RateLimiter.Limit("two-factor-address", maxPerAddress, window.multipliedBy(3));
	}

	public TwoFactorStatus status(UserId user) {
		var enrolment = store.find(user);
		boolean enabled = enrolment.map(e -> e.confirmedAt() != null).orElse(false);
		return new TwoFactorStatus(enabled, enrolment.isPresent() && !enabled, store.requiredFor(user),
				store.requiredForEveryone(), enabled ? store.recoveryCodesLeft(user) : 0);
	}

	/**
	 * Starts enrolling with a new secret (replacing one under way); 409 when two-factor
	 * is on already.
	 */
	public TwoFactorSetup begin(UserId user) {
		return tx.execute(status -> {
			SignedInUser u = users.findById(user).orElseThrow();
			if (store.find(user).map(e -> e.confirmedAt() != null).orElse(false)) {
				throw ProductRoles.problem(HttpStatus.CONFLICT, "twoFactor", "two-factor sign-in is on already");
			}
			String secret = Totp.newSecret();
			store.begin(user, secrets.seal(secret), clock.instant());
			return setup(u.email(), secret);
		});
	}

	/** The enrolment under way, to show again; empty when there is none. */
	public Optional<TwoFactorSetup> setup(UserId user) {
		return store.find(user)
			.filter(e -> e.confirmedAt() == null)
			.map(e -> setup(users.findById(user).orElseThrow().email(), secrets.open(e.sealedSecret())));
	}

	/**
	 * Confirms the enrolment under way with a current code from the app; answers the ten
	 * new recovery codes, to show once. 400 naming {@code code} when it is wrong.
	 */
	public List<String> confirm(UserId user, String code) {
		requireCode(code);
		String email = email(user);
		var enrolment = store.find(user)
			.filter(e -> e.confirmedAt() == null)
			.orElseThrow(() -> ProductRoles.problem(HttpStatus.CONFLICT, "code",
					"no enrolment is under way: start setting up two-factor first"));
		return checked(user, email, "code", () -> {
			OptionalLong step = Totp.matchingStep(secrets.open(enrolment.sealedSecret()), code, clock.instant());
			return step.isPresent() && store.confirm(user, step.getAsLong(), clock.instant());
		}, () -> {
			log.record(SecurityEventType.TWO_FACTOR_ENABLED, user, email, null);
			return RecoveryCodes.replace(store, user);
		});
	}

	/**
	 * New recovery codes for a current code (or an unused recovery code); the old ones
	 * stop working.
	 */
	public List<String> renewRecoveryCodes(UserId user, String code) {
		requireCode(code);
		String email = email(user);
		return checked(user, email, "code", () -> matches(user, email, code), () -> {
			log.record(SecurityEventType.RECOVERY_CODES_RENEWED, user, email, null);
			return RecoveryCodes.replace(store, user);
		});
	}

	/**
	 * Turns two-factor off, given a current code, an unused recovery code or the
	 * password; 409 while the admin requires two-factor of the user.
	 */
	public void disable(UserId user, String code, String password) {
		String email = email(user);
		if (status(user).mustUse()) {
			throw ProductRoles.problem(HttpStatus.CONFLICT, "twoFactor",
					"your administrator requires two-factor sign-in: it cannot be turned off");
		}
		if (store.find(user).isEmpty()) {
			throw ProductRoles.problem(HttpStatus.CONFLICT, "twoFactor", "two-factor sign-in is off already");
		}
		boolean byPassword = password != null && !password.isBlank();
		if (!byPassword && (code == null || code.isBlank())) {
			throw ProductRoles.problem(HttpStatus.BAD_REQUEST, "code",
					"type the code from your app, a recovery code or your password");
		}
		checked(user, email, byPassword ? "password" : "code", () -> {
			if (byPassword) {
				return passwords.matches(password, users.findById(user).orElseThrow().getPassword());
			}
			return matches(user, email, code);
		}, () -> {
			store.remove(user);
			log.record(SecurityEventType.TWO_FACTOR_DISABLED, user, email, null);
			return null;
		});
	}

	/**
	 * Checks the second factor of someone who gave their password: a current code or an
	 * unused recovery code (which is then spent). Throttled and audited; never throws for
	 * a wrong code.
	 */
	public Outcome check(UserId user, String code) {
		if (code == null || code.isBlank()) {
			return Outcome.REFUSED;
		}
		String email = email(user);
		try {
			checked(user, email, "code", () -> matches(user, email, code), () -> null);
			return Outcome.ACCEPTED;
		}
		catch (TwoFactorRefused e) {
			return e.throttled() ? Outcome.THROTTLED : Outcome.REFUSED;
		}
	}

	/**
	 * For a caller who signed in with the password alone (HTTP Basic, to create a token):
	 * passes users without two-factor, checks the code of those with it (401 naming the
	 * header when it is missing or wrong, 429 when throttled), and refuses (403) those
	 * who must enrol first.
	 */
	public void checkPasswordOnlyCaller(UserId user, String code) {
		switch (stepAfterPassword(user)) {
			case NONE -> {
			}
			case ENROL -> throw ProductRoles.problem(HttpStatus.FORBIDDEN, "twoFactor",
					"your administrator requires two-factor sign-in: set it up by signing in to the web UI first");
			case CODE -> {
				if (code == null || code.isBlank()) {
					throw ProductRoles.problem(HttpStatus.UNAUTHORIZED, CODE_HEADER,
							"your account uses two-factor sign-in: send a current code in this header");
				}
				if (check(user, code) != Outcome.ACCEPTED) {
					throw ProductRoles.problem(HttpStatus.UNAUTHORIZED, CODE_HEADER,
							"is wrong, expired or used already, or there were too many attempts");
				}
			}
		}
	}

	/** What {@code user} must do after the password. */
	public SignInStep stepAfterPassword(UserId user) {
		if (store.find(user).map(e -> e.confirmedAt() != null).orElse(false)) {
			return SignInStep.CODE;
		}
		return store.requiredFor(user) || store.requiredForEveryone() ? SignInStep.ENROL : SignInStep.NONE;
	}

	/** A code, or else a recovery code, of an enrolled user; spends what it accepts. */
	private boolean matches(UserId user, String email, String code) {
		var enrolment = store.find(user).filter(e -> e.confirmedAt() != null);
		if (enrolment.isEmpty() || code == null) {
			return false;
		}
		OptionalLong step = Totp.matchingStep(secrets.open(enrolment.get().sealedSecret()), code, clock.instant());
		if (step.isPresent()) {
			return store.useStep(user, step.getAsLong());
		}
		if (RecoveryCodes.use(store, user, code, clock.instant())) {
			log.record(SecurityEventType.RECOVERY_CODE_USED, user, email,
					store.recoveryCodesLeft(user) + " recovery codes left");
			return true;
		}
		return false;
	}

	/**
	 * Runs a check within the rate limits and, when it passes, {@code then}, both in one
	 * transaction; accepted: the permits are given back, the pass audited and what
	 * {@code then} made answered; refused: the failure is audited and
	 * {@link TwoFactorRefused} (a 400 or 429 problem naming {@code field}, what was
	 * checked) thrown.
	 */
	private <T> T checked(UserId user, String email, String field, BooleanSupplier check, Supplier<T> then) {
		String address = SecurityLog.clientIp();
		Optional<RateLimiter.Permit> mine = limiter.tryAcquire(perUser, String.valueOf(user.value()));
		Optional<RateLimiter.Permit> from = mine.isEmpty() || address == null ? Optional.empty()
				: limiter.tryAcquire(perAddress, address);
		if (mine.isEmpty() || (address != null && from.isEmpty())) {
			mine.ifPresent(limiter::release);
			log.record(SecurityEventType.TWO_FACTOR_THROTTLED, user, email, null);
			throw new TwoFactorRefused(true, field);
		}
		Optional<T> made = tx.execute(status -> check.getAsBoolean() ? Optional.ofNullable(then.get()) : null);
		if (made == null) {
			log.record(SecurityEventType.TWO_FACTOR_FAILED, user, email, null);
			throw new TwoFactorRefused(false, field);
		}
		mine.ifPresent(limiter::release);
		from.ifPresent(limiter::release);
		log.record(SecurityEventType.TWO_FACTOR_PASSED, user, email, null);
		return made.orElse(null);
	}

	/** A blank code is refused before it counts as an attempt. */
	private static void requireCode(String code) {
		if (code == null || code.isBlank()) {
			throw ProductRoles.problem(HttpStatus.BAD_REQUEST, "code", "type the code from your app");
		}
	}

	private String email(UserId user) {
		return users.findById(user)
			.orElseThrow(() -> ProductRoles.problem(HttpStatus.NOT_FOUND, "user", "no such user"))
			.email();
	}

	private static TwoFactorSetup setup(String email, String secret) {
		String uri = Totp.uri(email, secret);
		return new TwoFactorSetup(Totp.grouped(secret), uri, QrCode.svgDataUri(uri));
	}

}
