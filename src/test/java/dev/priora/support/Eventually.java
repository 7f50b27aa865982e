package dev.priora.support;

import java.time.Duration;
import java.util.Set;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

import tools.jackson.databind.JsonNode;

/**
 * The one way tests wait for background work (jobs, plan runs, webhook deliveries,
 * sentence vectors, a server starting): Awaitility with Priora's defaults, polling every
 * {@link #POLL} for at most {@link #TIMEOUT} unless a test names a longer wait.
 * <p>
 * {@code eventually().until(() -> api.get(path).json(), j -> …)} answers the value that
 * met the condition; a wait that runs out fails the test with Awaitility's message naming
 * the condition and its last value.
 */
public final class Eventually {

	/** How long a wait lasts unless the test names another. */
	public static final Duration TIMEOUT = Duration.ofSeconds(60);

	/** How often a condition is checked. */
	public static final Duration POLL = Duration.ofMillis(100);

	private static final Set<String> ENDED = Set.of("DONE", "FAILED", "CANCELLED");

	private Eventually() {
	}

	/** Waits up to {@link #TIMEOUT}. */
	public static ConditionFactory eventually() {
		return within(TIMEOUT);
	}

	/** Waits up to {@code atMost} (for work known to be slow on a shared machine). */
	public static ConditionFactory within(Duration atMost) {
		return Awaitility.await().atMost(atMost).pollDelay(Duration.ZERO).pollInterval(POLL);
	}

	/**
	 * The background job or plan run at {@code path} once it has ended (DONE, FAILED or
	 * CANCELLED), as the API answers it; the test asserts which of them.
	 */
	public static JsonNode ended(ApiClient api, String path) {
		return ended(api, path, TIMEOUT);
	}

	/** As {@link #ended(ApiClient, String)}, waiting up to {@code atMost}. */
	public static JsonNode ended(ApiClient api, String path, Duration atMost) {
		return within(atMost).alias("the job at " + path + " ends")
			.until(() -> api.get(path).json(), j -> ENDED.contains(j.get("state").asText()));
	}

}
