package dev.priora.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Priora's one rate limiter, for every per-address and per-account limit (sign-in
 * failures, public-form posts). Uses are counted in the database — one row per limit, key
 * and fixed window, changed by single atomic statements — so a limit holds under parallel
 * requests and across nodes: of any number of simultaneous attempts, exactly the allowed
 * number get a {@link Permit}.
 * <p>
 * The allowance of a window is the limit minus the previous window's uses weighted by how
 * much of it still overlaps the last {@code window} (the usual sliding-window estimate),
 * so a burst at a window's end and another at the next one's start cannot double the
 * limit. A use that should not count after all (a sign-in that succeeded, a post that was
 * refused as invalid) is given back with {@link #release}.
 * <p>
 * Call it outside a transaction: each counter change commits at once, so that no caller
 * holds a counter row while it does its work.
 */
@Service
public class RateLimiter {

	/**
	 * A limit: at most {@code max} uses per key within {@code window}; {@code name} keeps
	 * different limits' counters apart.
	 */
	public record Limit(String name, int max, Duration window) {

		public Limit {
			if (name == null || name.isBlank() || name.length() > 40) {
				throw new IllegalArgumentException("a limit's name is 1 to 40 characters");
			}
			if (max < 1) {
				throw new IllegalArgumentException("a limit allows at least one use, was " + max);
			}
			if (window == null || window.toSeconds() < 1) {
				throw new IllegalArgumentException("a limit's window is at least one second");
			}
		}

	}

	/** One use taken, to give back with {@link RateLimiter#release}. */
	public record Permit(String bucket, String subject, long window) {
	}

	private static final Duration PURGE_EVERY = Duration.ofMinutes(1);

	private final RateLimitRepository counters;

	private final Clock clock;

	private final AtomicLong nextPurge = new AtomicLong();

	RateLimiter(RateLimitRepository counters, Clock clock) {
		this.counters = counters;
		this.clock = clock;
	}

	/**
	 * Takes one use of {@code limit} for {@code key} (an address, an e-mail; at most 320
	 * characters are kept), or answers empty when the limit is reached.
	 */
	public Optional<Permit> tryAcquire(Limit limit, String key) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("take a rate-limit permit before the transaction begins");
		}
		Instant now = clock.instant();
		purgeNowAndThen(now);
		String subject = key == null ? "" : key.length() > 320 ? key.substring(0, 320) : key;
		long seconds = limit.window().toSeconds();
		long window = Math.floorDiv(now.getEpochSecond(), seconds);
		double elapsed = (now.getEpochSecond() - window * seconds + now.getNano() / 1e9) / seconds;
		int previous = counters.hits(limit.name(), subject, window - 1);
		int allowed = limit.max() - (int) Math.ceil(previous * (1 - elapsed) - 1e-9);
		if (allowed < 1) {
			return Optional.empty();
		}
		Permit permit = new Permit(limit.name(), subject, window);
		if (counters.increment(limit.name(), subject, window, allowed)) {
			return Optional.of(permit);
		}
		Instant expires = Instant.ofEpochSecond((window + 2) * seconds);
		if (counters.start(limit.name(), subject, window, expires)
				|| counters.increment(limit.name(), subject, window, allowed)) {
			return Optional.of(permit);
		}
		return Optional.empty();
	}

	/** Gives a use back, e.g. when what it was taken for turned out not to count. */
	public void release(Permit permit) {
		counters.decrement(permit.bucket(), permit.subject(), permit.window());
	}

	private void purgeNowAndThen(Instant now) {
		long due = nextPurge.get();
		if (now.toEpochMilli() >= due && nextPurge.compareAndSet(due, now.plus(PURGE_EVERY).toEpochMilli())) {
			counters.purgeBefore(now);
		}
	}

}
