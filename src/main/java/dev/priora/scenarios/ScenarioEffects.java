package dev.priora.scenarios;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.priora.planning.ReleaseView;
import dev.priora.planning.SprintView;
import dev.priora.progress.ScenarioForecasts;
import dev.priora.progress.TeamService;

/**
 * What a scenario's changes do to the team's time and to the releases' capacities. As the
 * forecaster counts days off ({@code progress.TeamCalendar}), a change is a share of the
 * team's capacity lost over some days: a member leaving loses their share (their capacity
 * ÷ the team's) from that day on; a lost sprint loses all of its days; days off lose the
 * member's share × days ÷ the sprint's days over that sprint. The forecasts count these
 * losses with the days off. The planner fills each release up to its capacity (the one
 * typed in the scenario, else the release's own) less the share of it lost: the average
 * loss over the release's days — its sprints' days, or without sprints the days from the
 * previous release's target (or today) to its own target; a release with neither keeps
 * its capacity.
 */
final class ScenarioEffects {

	/** Days as the pages write them ("4 Mar 2027"). */
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	/** The changes' losses, the releases' capacities in the scenario, and how. */
	record Effect(List<ScenarioForecasts.Loss> losses, Map<Long, BigDecimal> capacities, List<String> notes) {
	}

	private ScenarioEffects() {
	}

	static Effect of(List<ScenarioChange> changes, Team team, LocalDate today) {
		List<ScenarioForecasts.Loss> losses = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		Map<Long, BigDecimal> typed = new HashMap<>();
		BigDecimal total = team.capacity();
		var members = team.membersById();
		var sprints = team.sprintsById();
		for (ScenarioChange c : changes) {
			switch (c.kind()) {
				case MEMBER_LEAVES -> {
					TeamService.Member m = members.get(c.memberId());
					double share = share(m, total);
					losses.add(new ScenarioForecasts.Loss(c.from(), null, share,
							m.name() + " leaves on " + DAY.format(c.from())));
					notes.add(m.name() + " leaves on " + DAY.format(c.from()) + ": " + percent(share)
							+ " of the team's capacity" + (share == 0 ? " (no capacity set for the team)" : "")
							+ " from then on");
				}
				case SPRINT_LOST -> {
					SprintView s = sprints.get(c.sprintId());
					losses.add(new ScenarioForecasts.Loss(s.start(), s.end(), 1, s.name() + " lost"));
					notes.add(s.name() + " lost: none of its " + days(s) + " days count");
				}
				case DAYS_OFF -> {
					TeamService.Member m = members.get(c.memberId());
					SprintView s = sprints.get(c.sprintId());
					double share = share(m, total) * c.days() / days(s);
					losses.add(new ScenarioForecasts.Loss(s.start(), s.end(), share,
							m.name() + ": " + c.days() + " more days off in " + s.name()));
					notes.add(m.name() + ": " + c.days() + (c.days() == 1 ? " more day" : " more days") + " off in "
							+ s.name() + ", " + percent(share) + " of the team's capacity over it");
				}
				case RELEASE_CAPACITY -> typed.put(c.releaseId(), c.capacity());
			}
		}
		Map<Long, BigDecimal> capacities = new LinkedHashMap<>();
		LocalDate start = today;
		for (ReleaseView r : team.unreleased()) {
			BigDecimal base = typed.getOrDefault(r.id(), r.capacity());
			double lost = lostShare(r, team.sprints(), start, losses);
			BigDecimal capacity = base.multiply(BigDecimal.valueOf(1 - lost)).setScale(1, RoundingMode.FLOOR);
			if (typed.containsKey(r.id()) || lost > 0) {
				capacities.put(r.id(), capacity);
				notes.add(
						r.name() + ": " + base.stripTrailingZeros().toPlainString() + " " + team.unit()
								+ (typed.containsKey(r.id()) ? " (typed in the scenario)" : "")
								+ (lost > 0
										? ", " + percent(lost) + " of its days lost: "
												+ capacity.stripTrailingZeros().toPlainString() + " " + team.unit()
										: ""));
			}
			if (r.targetDate() != null && r.targetDate().isAfter(start)) {
				start = r.targetDate();
			}
		}
		return new Effect(List.copyOf(losses), capacities, List.copyOf(notes));
	}

	/**
	 * The average share of the team's capacity lost over the release's days (its
	 * sprints', else from {@code start} to its target), 0 to 1.
	 */
	private static double lostShare(ReleaseView r, List<SprintView> sprints, LocalDate start,
			List<ScenarioForecasts.Loss> losses) {
		if (losses.isEmpty()) {
			return 0;
		}
		List<LocalDate> days = new ArrayList<>();
		sprints.stream()
			.filter(s -> Long.valueOf(r.id()).equals(s.releaseId()))
			.forEach(s -> s.start().datesUntil(s.end().plusDays(1)).forEach(days::add));
		if (days.isEmpty() && r.targetDate() != null && r.targetDate().isAfter(start)) {
			start.datesUntil(r.targetDate()).forEach(days::add);
		}
		if (days.isEmpty()) {
			return 0;
		}
		double lost = 0;
		for (LocalDate d : days) {
			double on = 0;
			for (ScenarioForecasts.Loss l : losses) {
				on += d.isBefore(l.from()) || (l.to() != null && d.isAfter(l.to())) ? 0 : l.share();
			}
			lost += Math.min(1, on);
		}
		return lost / days.size();
	}

	private static double share(TeamService.Member m, BigDecimal total) {
		return total.signum() == 0 ? 0 : m.capacity().doubleValue() / total.doubleValue();
	}

	private static long days(SprintView s) {
		return ChronoUnit.DAYS.between(s.start(), s.end()) + 1;
	}

	private static String percent(double share) {
		return Math.round(share * 100) + " %";
	}

}
