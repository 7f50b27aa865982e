package dev.priora.scenarios.web;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.priora.planning.ReleaseView;
import dev.priora.planning.SprintView;
import dev.priora.progress.TeamService;
import dev.priora.scenarios.ScenarioChange;

/** A scenario's changes in words, by the names of what they name. */
final class ChangeTexts {

	/** Days as the pages write them ("4 Mar 2027"), as in the result's notes. */
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	private ChangeTexts() {
	}

	static List<String> of(List<ScenarioChange> changes, List<TeamService.Member> members, List<SprintView> sprints,
			List<ReleaseView> releases) {
		Map<Long, String> member = new HashMap<>();
		members.forEach(x -> member.put(x.id(), x.name()));
		Map<Long, String> sprint = new HashMap<>();
		sprints.forEach(x -> sprint.put(x.id(), x.name()));
		Map<Long, String> release = new HashMap<>();
		releases.forEach(x -> release.put(x.id(), x.name()));
		return changes.stream().map(c -> switch (c.kind()) {
			case MEMBER_LEAVES -> name(member, c.memberId(), "member") + " leaves on " + DAY.format(c.from());
			case SPRINT_LOST -> name(sprint, c.sprintId(), "sprint") + " is lost";
			case DAYS_OFF -> name(member, c.memberId(), "member") + ": " + c.days()
					+ (c.days() != null && c.days() == 1 ? " more day" : " more days") + " off in "
					+ name(sprint, c.sprintId(), "sprint");
			case RELEASE_CAPACITY -> name(release, c.releaseId(), "release") + " holds "
					+ c.capacity().stripTrailingZeros().toPlainString() + " points";
		}).toList();
	}

	private static String name(Map<Long, String> names, Long id, String what) {
		String n = id == null ? null : names.get(id);
		return n != null ? n : "(" + what + " " + id + ", gone)";
	}

}
