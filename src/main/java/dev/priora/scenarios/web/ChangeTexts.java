package dev.priora.scenarios.web;

import java.io.Serializable;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.priora.planning.ReleaseView;
import dev.priora.planning.SprintView;
import dev.priora.problem.DomainProblem;
import dev.priora.progress.TeamService;
import dev.priora.scenarios.ScenarioChange;

/** A scenario's changes in words, by the names of what they name. */
final class ChangeTexts {

	/** Days as the pages write them ("4 Mar 2027"), as in the result's notes. */
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	private ChangeTexts() {
	}

	static List<String> of(List<ScenarioChange> changes, List<TeamService.Member> members, List<SprintView> sprints,
			List<ReleaseView> releases, String unit) {
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
					+ c.capacity().stripTrailingZeros().toPlainString() + " " + unit;
		}).toList();
	}

	/**
	 * A change the scenario refused, for its form (a flash attribute, so serializable):
	 * its kind, what was typed, and the reasons by the form's labels ("From: 3 Jan 2027
	 * falls in no sprint…"), not the API's field paths.
	 */
	record Refusal(String kind, Long memberId, Long sprintId, String from, Integer days,
			String message) implements Serializable {
	}

	private static final Map<String, String> LABELS = Map.of("memberId", "Member", "sprintId", "Sprint", "from", "From",
			"days", "Days", "releaseId", "Release", "capacity", "Capacity", "kind", "Change", "changes", "Changes");

	static Refusal refusal(ScenarioChange typed, DomainProblem problem) {
		List<String> reasons = new ArrayList<>();
		if (problem.getBody().getProperties() != null
				&& problem.getBody().getProperties().get("errors") instanceof List<?> errors) {
			for (Object o : errors) {
				if (o instanceof Map<?, ?> e) {
					String field = String.valueOf(e.get("field"));
					String label = LABELS.getOrDefault(field.substring(field.lastIndexOf('.') + 1), field);
					reasons.add(label + ": " + day(String.valueOf(e.get("reason"))));
				}
			}
		}
		String message = reasons.isEmpty() ? problem.getBody().getDetail() : String.join("; ", reasons);
		return new Refusal(typed.kind().name(), typed.memberId(), typed.sprintId(),
				typed.from() == null ? null : typed.from().toString(), typed.days(), message);
	}

	/** An ISO date at the start of a reason, as the pages write days. */
	private static String day(String reason) {
		if (reason.length() >= 10 && reason.substring(0, 10).matches("\\d{4}-\\d{2}-\\d{2}")) {
			return DAY.format(java.time.LocalDate.parse(reason.substring(0, 10))) + reason.substring(10);
		}
		return reason;
	}

	private static String name(Map<Long, String> names, Long id, String what) {
		String n = id == null ? null : names.get(id);
		return n != null ? n : "(" + what + " " + id + ", gone)";
	}

}
