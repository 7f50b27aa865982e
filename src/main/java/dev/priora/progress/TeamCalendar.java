package dev.priora.progress;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.priora.planning.PlanningService;
import dev.priora.planning.SprintView;
import dev.priora.progress.engine.TeamTime;

/**
 * The team's working time with its days off: a member's days off in a sprint are the
 * share (their capacity ÷ the team's) × (days off ÷ sprint days) of the team's capacity
 * lost on each day of that sprint. Without members with a capacity nothing is lost.
 */
@Component
class TeamCalendar {

	private final TeamRepository team;

	private final PlanningService planning;

	TeamCalendar(TeamRepository team, PlanningService planning) {
		this.team = team;
		this.planning = planning;
	}

	/** The days off of the product's team as losses of capacity. */
	List<TeamTime.Loss> daysOff(String key) {
		var members = team.members(key);
		BigDecimal total = members.stream().map(TeamService.Member::capacity).reduce(BigDecimal.ZERO, BigDecimal::add);
		if (total.signum() == 0) {
			return List.of();
		}
		Map<String, Integer> off = team.daysOff(key);
		List<TeamTime.Loss> losses = new ArrayList<>();
		for (SprintView s : planning.sprints(key)) {
			long length = ChronoUnit.DAYS.between(s.start(), s.end()) + 1;
			for (var m : members) {
				int days = Math.min((int) length, off.getOrDefault(m.id() + ":" + s.id(), 0));
				if (days > 0 && m.capacity().signum() > 0) {
					double share = m.capacity().doubleValue() / total.doubleValue() * days / length;
					losses.add(new TeamTime.Loss(s.start(), s.end(), share,
							m.name() + ": " + days + (days == 1 ? " day" : " days") + " off in " + s.name()));
				}
			}
		}
		return losses;
	}

	/** The team's time from {@code today} with its days off. */
	TeamTime time(String key, LocalDate today, int sprintDays) {
		return time(key, today, sprintDays, List.of());
	}

	/** The team's time from {@code today} with its days off and {@code extra} losses. */
	TeamTime time(String key, LocalDate today, int sprintDays, List<TeamTime.Loss> extra) {
		List<TeamTime.Loss> losses = new ArrayList<>(daysOff(key));
		losses.addAll(extra);
		return new TeamTime(today, sprintDays, losses);
	}

}
