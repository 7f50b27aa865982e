package dev.priora.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class BackoffTest {

	private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

	@Test
	void waitsTheNthDelayAfterTheNthFailureAndGivesUpAfterTheLast() {
		Backoff mail = new Backoff(
				List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2)));
		assertThat(mail.attempts()).isEqualTo(5);
		assertThat(mail.next(1, NOW)).contains(NOW.plusSeconds(60));
		assertThat(mail.next(4, NOW)).contains(NOW.plusSeconds(7200));
		assertThat(mail.next(5, NOW)).isEmpty();
	}

	@Test
	void doublingStopsAtItsMaximum() {
		Backoff hooks = Backoff.doubling(Duration.ofSeconds(30), Duration.ofMinutes(2), 5);
		assertThat(hooks.delays()).containsExactly(Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2),
				Duration.ofMinutes(2));
		assertThat(hooks.next(5, NOW)).isEmpty();
	}

	@Test
	void refusesNoDelaysOrNegativeOnes() {
		assertThatThrownBy(() -> new Backoff(List.of())).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Backoff(List.of(Duration.ofSeconds(-1))))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
