package dev.priora.refinement.health.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class HealthScoreTest {

	@Test
	void aPartLosesItsWeightTimesTheShareThatFallsShort() {
		HealthScore.Part notReady = new HealthScore.Part(25, 4, 20);
		assertThat(notReady.share()).isEqualTo(0.2);
		assertThat(notReady.lost()).isEqualTo(5.0);
		assertThat(HealthScore.of(List.of(notReady, new HealthScore.Part(75, 0, 10)))).isEqualTo(95);
	}

	@Test
	void nothingToMeasureLosesNothingAndASharePastTheWholeIsCapped() {
		assertThat(new HealthScore.Part(10, 0, 0).lost()).isZero();
		assertThat(new HealthScore.Part(10, 7, 3).lost()).isEqualTo(10.0);
		assertThat(HealthScore.of(List.of(new HealthScore.Part(100, 9, 3)))).isZero();
		assertThat(HealthScore.of(List.of())).isEqualTo(100);
	}

	@Test
	void theScoreIsRoundedToTheNearestWholeNumber() {
		// 15 × 1/12 + 10 × 1/12 = 2.08… points lost
		assertThat(HealthScore.of(List.of(new HealthScore.Part(15, 1, 12), new HealthScore.Part(10, 1, 12))))
			.isEqualTo(98);
		// 25 × 1/2 + 10 × 1/1 + 5 × 1/2 = 25 points lost
		assertThat(HealthScore
			.of(List.of(new HealthScore.Part(25, 1, 2), new HealthScore.Part(10, 1, 1), new HealthScore.Part(5, 1, 2))))
			.isEqualTo(75);
	}

	@Test
	void refusesNegativeNumbers() {
		assertThatThrownBy(() -> new HealthScore.Part(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new HealthScore.Part(1, -1, 0)).isInstanceOf(IllegalArgumentException.class);
	}

}
