package dev.priora.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When an outbox (webhook deliveries, e-mail) tries a failed send again: after the
 * {@code n}-th failed attempt it waits {@code delays[n-1]}; after the last delay's
 * attempt fails too it gives up. So {@code delays.size() + 1} attempts in all.
 *
 * @param delays the waits after the first, second, … failed attempt; at least one, none
 * negative
 */
public record Backoff(List<Duration> delays) {

	public Backoff {
		delays = List.copyOf(delays);
		if (delays.isEmpty() || delays.stream().anyMatch(Duration::isNegative)) {
			throw new IllegalArgumentException("a backoff has at least one delay, none negative");
		}
	}

	/**
	 * {@code base}, twice {@code base}, four times… at most {@code max} apart, giving up
	 * after {@code attempts} attempts.
	 */
	public static Backoff doubling(Duration base, Duration max, int attempts) {
		List<Duration> delays = new ArrayList<>();
		for (int n = 0; n < attempts - 1; n++) {
			Duration wait = base.multipliedBy(1L << Math.min(n, 20));
			delays.add(wait.compareTo(max) > 0 ? max : wait);
		}
		return new Backoff(delays);
	}

	/** Every attempt, the last one included. */
	public int attempts() {
		return delays.size() + 1;
	}

	/**
	 * When to try again after attempt {@code attempt} (1 for the first) failed at
	 * {@code now}; empty to give up.
	 */
	public Optional<Instant> next(int attempt, Instant now) {
		if (attempt < 1 || attempt > delays.size()) {
			return Optional.empty();
		}
		return Optional.of(now.plus(delays.get(attempt - 1)));
	}

}
