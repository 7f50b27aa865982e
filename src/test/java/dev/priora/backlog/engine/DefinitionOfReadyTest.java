package dev.priora.backlog.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.priora.backlog.engine.DefinitionOfReady.Check;
import dev.priora.backlog.engine.DefinitionOfReady.Facts;
import dev.priora.backlog.engine.DefinitionOfReady.Requirement;

class DefinitionOfReadyTest {

	private static final DefinitionOfReady DEFAULTS = new DefinitionOfReady(
			List.of(new Requirement(Check.DESCRIPTION, 0), new Requirement(Check.ACCEPTANCE_CRITERIA, 0),
					new Requirement(Check.ESTIMATE, 0), new Requirement(Check.PREREQUISITES, 0)));

	@Test
	void aWellDescribedItemWithFinishedPrerequisitesIsReady() {
		var result = DEFAULTS.evaluate(new Facts(false, true, 2, BigDecimal.valueOf(3), false, List.of()));
		assertThat(result.ready()).isTrue();
	}

	@Test
	void namesEveryFailingCheck() {
		var result = DEFAULTS.evaluate(new Facts(false, false, 0, null, false, List.of("PAY-3", "PAY-9")));
		assertThat(result.reasons()).containsExactly("has no description", "has no acceptance criterion",
				"is not estimated", "waits on unfinished PAY-3, PAY-9");
	}

	@Test
	void optionalChecksApplyOnlyWhenEnabled() {
		var strict = new DefinitionOfReady(List.of(new Requirement(Check.EPIC, 0), new Requirement(Check.SIZE, 8)));
		assertThat(strict.evaluate(new Facts(false, true, 1, BigDecimal.valueOf(13), false, List.of())).reasons())
			.containsExactly("belongs to no epic", "estimate 13 is above the limit of 8");
		assertThat(strict.evaluate(new Facts(true, true, 1, BigDecimal.valueOf(8), false, List.of())).ready()).isTrue();
		assertThat(DEFAULTS.evaluate(new Facts(false, true, 1, BigDecimal.valueOf(13), false, List.of())).ready())
			.isTrue();
	}

}
