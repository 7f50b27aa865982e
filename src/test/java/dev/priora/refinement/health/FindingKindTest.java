package dev.priora.refinement.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class FindingKindTest {

	@Test
	void theWeightsAddUpToAHundredSoTheScoreRunsFromZeroToAHundred() {
		assertThat(Arrays.stream(FindingKind.values()).mapToInt(FindingKind::weight).sum()).isEqualTo(100);
	}

	@Test
	void everyKindFillsItsNumbersIntoItsWords() {
		assertThat(String.format(FindingKind.NOT_READY.title(), 20)).isEqualTo("Not ready in the top 20");
		assertThat(String.format(FindingKind.STALE.title(), 90)).isEqualTo("Untouched for 90 days");
		assertThat(String.format(FindingKind.DUPLICATE.description(), 90)).contains("at least 90 % alike");
		assertThat(String.format(FindingKind.LONG_IN_PROGRESS.description(), "4 days")).contains("85 % of")
			.contains("(4 days)");
	}

}
