package dev.priora.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import dev.priora.support.ApiClient;
import dev.priora.support.IntegrationTestBase;

/**
 * The rate limiter, and sign-in throttling with no trusted proxy (the default): the
 * address throttled and audited is the connection's, whatever {@code X-Forwarded-For}
 * claims, and parallel guesses are counted exactly.
 */
@TestPropertySource(
		properties = { "priora.security.max-failures-per-account=4", "priora.security.max-failures-per-address=4" })
class RateLimitIntegrationTest extends IntegrationTestBase {

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	private static int users;

	@BeforeEach
	void noEarlierFailuresCount() {
		jdbc.sql("delete from rate_limits").update();
	}

	private String newUser() {
		String email = "forwarded" + (++users) + "@forwarded.test";
		accounts.createUser(email, "Forwarded " + users, "a long password", false);
		return email;
	}

	private ApiClient basic(String email, String password) {
		return ApiClient.withAuthorization(port, "Basic "
				+ Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8)));
	}

	private List<String> auditedAddresses(String subjectLike) {
		return jdbc.sql("select distinct client_ip from security_events where subject like ?")
			.param(subjectLike)
			.query(String.class)
			.list();
	}

	@Test
	void aSpoofedForwardedForNeitherDodgesAddressThrottlingNorEntersTheAuditLog() {
		String victim = newUser();
		for (int i = 1; i <= 4; i++) {
			var failed = basic("nobody" + i + "@spoof.test", "wrong password")
				.withHeader("X-Forwarded-For", "203.0.113." + i)
				.post("/api/v1/tokens", "{}");
			assertThat(failed.status()).isEqualTo(401);
		}
		var right = basic(victim, "a long password").withHeader("X-Forwarded-For", "203.0.113.77")
			.post("/api/v1/tokens", "{}");
		assertThat(right.status()).as("the connection's address has used up its failures").isEqualTo(401);
		assertThat(auditedAddresses("%@spoof.test")).containsExactly("127.0.0.1");
		assertThat(jdbc.sql("select event_type from security_events where subject = ?")
			.param(victim)
			.query(String.class)
			.list()).containsExactly("SIGN_IN_THROTTLED");
		assertThat(auditedAddresses(victim)).containsExactly("127.0.0.1");
	}

	@Test
	void thirtyParallelWrongPasswordsAreCountedExactly() throws Exception {
		String email = newUser();
		ApiClient wrong = basic(email, "wrong password");
		ExecutorService pool = Executors.newFixedThreadPool(30);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> answers = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			answers.add(pool.submit(() -> {
				start.await();
				return wrong.post("/api/v1/tokens", "{}").status();
			}));
		}
		start.countDown();
		for (Future<Integer> answer : answers) {
			assertThat(answer.get(2, TimeUnit.MINUTES)).isEqualTo(401);
		}
		pool.shutdown();
		List<String> events = jdbc.sql("select event_type from security_events where subject = ?")
			.param(email)
			.query(String.class)
			.list();
		assertThat(events.stream().filter("SIGN_IN_FAILED"::equals).count()).as("passwords checked").isEqualTo(4);
		assertThat(events.stream().filter("SIGN_IN_THROTTLED"::equals).count()).as("refused unchecked").isEqualTo(26);
		assertThat(basic(email, "a long password").post("/api/v1/tokens", "{}").status())
			.as("locked, even with the right password")
			.isEqualTo(401);
	}

	@Test
	void aSuccessfulSignInDoesNotCountAsAFailure() {
		String email = newUser();
		for (int i = 0; i < 6; i++) {
			assertThat(basic(email, "a long password").post("/api/v1/tokens", "{\"name\":\"t" + i + "\"}").status())
				.isEqualTo(201);
		}
	}

	@Autowired
	RateLimitRepository counters;

	/** A clock the test moves. */
	static final class TestClock extends java.time.Clock {

		private java.time.Instant now;

		TestClock(java.time.Instant now) {
			this.now = now;
		}

		void set(java.time.Instant instant) {
			now = instant;
		}

		@Override
		public java.time.ZoneId getZone() {
			return java.time.ZoneOffset.UTC;
		}

		@Override
		public java.time.Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public java.time.Instant instant() {
			return now;
		}

	}

	@Test
	void theLimiterCountsWhatIsGivenBackAndSlidesOverWindowBoundaries() {
		java.time.Instant start = java.time.Instant.parse("2030-01-01T00:00:00Z");
		TestClock clock = new TestClock(start);
		RateLimiter limiter = new RateLimiter(counters, clock);
		RateLimiter.Limit limit = new RateLimiter.Limit("test-slide", 4, java.time.Duration.ofMinutes(1));
		List<RateLimiter.Permit> taken = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			taken.add(limiter.tryAcquire(limit, "k").orElseThrow());
		}
		assertThat(limiter.tryAcquire(limit, "k")).isEmpty();
		assertThat(limiter.tryAcquire(limit, "another key")).isPresent();
		limiter.release(taken.get(0));
		assertThat(limiter.tryAcquire(limit, "k")).as("a use given back").isPresent();
		assertThat(limiter.tryAcquire(limit, "k")).isEmpty();
		// a quarter into the next window, three quarters of the last one's 4 uses still
		// count: 4 - 3 = 1 left
		clock.set(start.plusSeconds(75));
		assertThat(limiter.tryAcquire(limit, "k")).isPresent();
		assertThat(limiter.tryAcquire(limit, "k")).isEmpty();
		// five seconds into the window after, the first window is out of reach, the
		// second's one use
		// still counts: 4 - 1 = 3 left
		clock.set(start.plusSeconds(125));
		for (int i = 0; i < 3; i++) {
			assertThat(limiter.tryAcquire(limit, "k")).isPresent();
		}
		assertThat(limiter.tryAcquire(limit, "k")).isEmpty();
	}

}
