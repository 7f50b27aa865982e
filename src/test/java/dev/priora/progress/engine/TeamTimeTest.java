package dev.priora.progress.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class TeamTimeTest {

	private static final LocalDate MONDAY = LocalDate.parse("2027-03-01");

	@Test
	void withoutLossesTheTimeIsTheDaysUntilTheTarget() {
		TeamTime time = new TeamTime(MONDAY, 14, List.of());
		assertThat(time.daysUntil(MONDAY.plusDays(28))).isEqualTo(28);
		assertThat(time.sprintsUntil(MONDAY.plusDays(21))).isEqualTo(1.5);
		assertThat(time.sprintsUntil(MONDAY.minusDays(3))).isZero();
		assertThat(time.sprintsUntil(null)).isZero();
	}

	@Test
	void lossesTakeTheirShareOfTheDaysTheyCoverAndAddUpToAtMostTheWholeDay() {
		var halfTheTeamForAWeek = new TeamTime.Loss(MONDAY, MONDAY.plusDays(6), 0.5, "Ann away");
		var leavingInWeekTwo = new TeamTime.Loss(MONDAY.plusDays(7), null, 0.25, "Bob leaves");
		var sprintLost = new TeamTime.Loss(MONDAY.plusDays(14), MONDAY.plusDays(27), 1, "sprint 2 lost");
		TeamTime time = new TeamTime(MONDAY, 14, List.of(halfTheTeamForAWeek, leavingInWeekTwo, sprintLost));
		// week 1: 7 × 0.5; week 2: 7 × 0.75; weeks 3–4: nothing; week 5: 7 × 0.75
		assertThat(time.daysUntil(MONDAY.plusDays(14))).isEqualTo(8.75);
		assertThat(time.daysUntil(MONDAY.plusDays(35))).isEqualTo(14);
		assertThat(time.sprintsUntil(MONDAY.plusDays(35))).isEqualTo(1);
	}

	@Test
	void theDateAfterSomeWorkingTimeIsTheInverseOfTheTimeUntilADate() {
		assertThat(new TeamTime(MONDAY, 14, List.of()).dateAfter(10.2)).isEqualTo(MONDAY.plusDays(11));
		var halfTheTeamLeaves = new TeamTime.Loss(MONDAY.plusDays(7), null, 0.5, "Ann leaves");
		TeamTime time = new TeamTime(MONDAY, 14, List.of(halfTheTeamLeaves));
		// a week at full time, then half days: 7 + 14 × 0.5 = 14 working days by day 21
		assertThat(time.dateAfter(14)).isEqualTo(MONDAY.plusDays(21));
		assertThat(time.daysUntil(time.dateAfter(14))).isEqualTo(14);
		var everyoneGone = new TeamTime.Loss(MONDAY, null, 1, "the team is gone");
		assertThat(new TeamTime(MONDAY, 14, List.of(everyoneGone)).dateAfter(1)).isNull();
	}

	@Test
	void refusesALossThatEndsBeforeItStartsOrTakesMoreThanTheTeam() {
		assertThatThrownBy(() -> new TeamTime.Loss(MONDAY, MONDAY.minusDays(1), 0.5, "x"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new TeamTime.Loss(MONDAY, null, 1.5, "x"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new TeamTime(MONDAY, 0, List.of())).isInstanceOf(IllegalArgumentException.class);
	}

}
