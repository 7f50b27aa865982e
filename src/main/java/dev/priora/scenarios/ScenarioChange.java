package dev.priora.scenarios;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One change of a scenario: a team member leaving from a date ({@code memberId},
 * {@code from}), a sprint lost ({@code sprintId}), extra days off of a member in a sprint
 * ({@code memberId}, {@code sprintId}, {@code days}), or a release's capacity in points
 * ({@code releaseId}, {@code capacity}). The fields a kind does not use are ignored.
 */
public record ScenarioChange(Kind kind, Long memberId, Long sprintId, Long releaseId, LocalDate from, Integer days,
		BigDecimal capacity) {

	/** What a change does. */
	public enum Kind {

		MEMBER_LEAVES, SPRINT_LOST, DAYS_OFF, RELEASE_CAPACITY

	}

	/** The change with only the fields its kind uses. */
	ScenarioChange trimmed() {
		if (kind == null) {
			return this;
		}
		return switch (kind) {
			case MEMBER_LEAVES -> new ScenarioChange(kind, memberId, null, null, from, null, null);
			case SPRINT_LOST -> new ScenarioChange(kind, null, sprintId, null, null, null, null);
			case DAYS_OFF -> new ScenarioChange(kind, memberId, sprintId, null, null, days, null);
			case RELEASE_CAPACITY -> new ScenarioChange(kind, null, null, releaseId, null, null, capacity);
		};
	}

}
