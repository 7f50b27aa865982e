package dev.priora.backlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

class DemoClockTest {

	private static final Instant NOW = Instant.parse("2026-03-15T12:00:00Z");

	private final DemoClock clock = new DemoClock(Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void standsAtTheMomentOnlyInsideAtAndOnlyOnThisThread() throws Exception {
		Instant past = NOW.minusSeconds(86_400 * 30);
		Instant[] seen = new Instant[2];
		clock.at(past, () -> {
			seen[0] = clock.instant();
			seen[1] = CompletableFuture.supplyAsync(clock::instant).join();
		});
		assertThat(seen[0]).isEqualTo(past);
		assertThat(seen[1]).as("another thread").isEqualTo(NOW);
		assertThat(clock.instant()).isEqualTo(NOW);
		assertThat(LocalDate.now(clock.withZone(ZoneOffset.ofHours(2)))).isEqualTo(LocalDate.of(2026, 3, 15));
	}

	@Test
	void nestedMomentsRestoreTheOuterOneEvenWhenTheWorkFails() {
		Instant outer = NOW.minusSeconds(7200);
		Instant inner = NOW.minusSeconds(3600);
		clock.at(outer, () -> {
			assertThatThrownBy(() -> clock.at(inner, () -> {
				throw new IllegalStateException("boom");
			})).hasMessage("boom");
			assertThat(clock.instant()).isEqualTo(outer);
		});
		assertThat(clock.instant()).isEqualTo(NOW);
	}

	@Test
	void refusesAPastInTheFuture() {
		assertThatThrownBy(() -> clock.at(NOW.plusSeconds(1), () -> {
		})).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void readsDaysBeforeADayAndATimeOfDay() {
		LocalDate day = LocalDate.of(2026, 3, 15);
		assertThat(DemoClock.moment(day, "-49 09:30")).isEqualTo(Instant.parse("2026-01-25T09:30:00Z"));
		assertThat(DemoClock.moment(day, " -1 23:59 ")).isEqualTo(Instant.parse("2026-03-14T23:59:00Z"));
		assertThatThrownBy(() -> DemoClock.moment(day, "49 09:30")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> DemoClock.moment(day, "-3")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aTimelineRunsItsStepsOldestFirstIncludingStepsAddedOnTheWay() {
		List<String> ran = new ArrayList<>();
		DemoClock.Timeline timeline = clock.timeline();
		Instant t1 = NOW.minusSeconds(300);
		Instant t2 = NOW.minusSeconds(200);
		Instant t3 = NOW.minusSeconds(100);
		timeline.add(t3, () -> ran.add("c@" + clock.instant()));
		timeline.add(t1, () -> {
			ran.add("a@" + clock.instant());
			timeline.add(t2, () -> ran.add("b@" + clock.instant()));
		});
		timeline.add(t3, () -> ran.add("d@" + clock.instant()));
		timeline.run();
		assertThat(ran).containsExactly("a@" + t1, "b@" + t2, "c@" + t3, "d@" + t3);
	}

	@Test
	void aStepCannotBeAddedBeforeTheMomentBeingRun() {
		DemoClock.Timeline timeline = clock.timeline();
		timeline.add(NOW.minusSeconds(100), () -> timeline.add(NOW.minusSeconds(200), () -> {
		}));
		assertThatThrownBy(timeline::run).isInstanceOf(IllegalStateException.class);
	}

}
