package dev.priora.scenarios;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.priora.planning.ReleaseStatus;
import dev.priora.planning.ReleaseView;
import dev.priora.planning.SprintView;
import dev.priora.progress.TeamService;

/**
 * What a scenario's changes name, as the product has it now: its team members (with their
 * capacities), sprints and releases (the unreleased ones in the order they are worked
 * on), and the unit its estimates and capacities count ("points" or "hours").
 */
record Team(List<TeamService.Member> members, List<SprintView> sprints, List<ReleaseView> releases, String unit) {

	Map<Long, TeamService.Member> membersById() {
		Map<Long, TeamService.Member> byId = new HashMap<>();
		members.forEach(m -> byId.put(m.id(), m));
		return byId;
	}

	Map<Long, SprintView> sprintsById() {
		Map<Long, SprintView> byId = new HashMap<>();
		sprints.forEach(s -> byId.put(s.id(), s));
		return byId;
	}

	Map<Long, ReleaseView> releasesById() {
		Map<Long, ReleaseView> byId = new HashMap<>();
		releases.forEach(r -> byId.put(r.id(), r));
		return byId;
	}

	List<ReleaseView> unreleased() {
		return releases.stream().filter(r -> r.status() != ReleaseStatus.RELEASED).toList();
	}

	/** The team's capacity per sprint: the sum of its members'. */
	BigDecimal capacity() {
		return members.stream().map(TeamService.Member::capacity).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
