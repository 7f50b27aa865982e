package dev.priora.scenarios;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.priora.planning.ReleaseStatus;
import dev.priora.planning.SprintView;

/**
 * Checks a scenario as written, every field named as the API's body names it (e.g.
 * {@code changes[1].from}): a name (one line of at most 100 characters), a discount from
 * 0 to 0.9, a time limit from 1 to 600 seconds, at most
 * {@link ScenarioCommand#MAX_CHANGES} changes, each naming a member, sprint or release of
 * the product; a member leaves on a day of one of its sprints; days off fit their sprint;
 * a capacity from 0 to 100,000 points for a release not yet released.
 */
final class ScenarioChecks {

	private ScenarioChecks() {
	}

	/** The reasons by field; empty when the scenario holds. */
	static Map<String, String> check(String key, ScenarioCommand c, Team team) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (c.name() == null || c.name().isEmpty()) {
			errors.put("name", "is required");
		}
		else if (c.name().length() > 100 || c.name().chars().anyMatch(Character::isISOControl)) {
			errors.put("name", "must be one line of at most 100 characters, without control characters");
		}
		if (!(c.discount() >= 0 && c.discount() <= 0.9)) {
			errors.put("discount", "must be from 0 to 0.9");
		}
		if (c.timeLimitSeconds() < 1 || c.timeLimitSeconds() > 600) {
			errors.put("timeLimitSeconds", "must be from 1 to 600");
		}
		if (c.changes().size() > ScenarioCommand.MAX_CHANGES) {
			errors.put("changes", "at most " + ScenarioCommand.MAX_CHANGES + " changes");
			return errors;
		}
		for (int i = 0; i < c.changes().size(); i++) {
			change(key, "changes[" + i + "].", c.changes().get(i), team, errors);
		}
		return errors;
	}

	private static void change(String key, String at, ScenarioChange c, Team team, Map<String, String> errors) {
		if (c == null || c.kind() == null) {
			errors.put(at + "kind", "is MEMBER_LEAVES, SPRINT_LOST, DAYS_OFF or RELEASE_CAPACITY");
			return;
		}
		switch (c.kind()) {
			case MEMBER_LEAVES -> {
				member(key, at, c.memberId(), team, errors);
				if (c.from() == null) {
					errors.put(at + "from", "is required: the first day the member is gone");
				}
				else if (team.sprints()
					.stream()
					.noneMatch(s -> !c.from().isBefore(s.start()) && !c.from().isAfter(s.end()))) {
					errors.put(at + "from",
							c.from() + " falls in no sprint of " + key + "; pick a day of one of its sprints");
				}
			}
			case SPRINT_LOST -> sprint(key, at, c.sprintId(), team, errors);
			case DAYS_OFF -> {
				member(key, at, c.memberId(), team, errors);
				SprintView s = sprint(key, at, c.sprintId(), team, errors);
				long length = s == null ? 366 : ChronoUnit.DAYS.between(s.start(), s.end()) + 1;
				if (c.days() == null || c.days() < 1 || c.days() > length) {
					errors.put(at + "days",
							"must be from 1 to " + length + (s == null ? "" : ", the days of " + s.name()));
				}
			}
			case RELEASE_CAPACITY -> {
				var release = c.releaseId() == null ? null : team.releasesById().get(c.releaseId());
				if (release == null) {
					errors.put(at + "releaseId",
							c.releaseId() == null ? "is required" : "no release " + c.releaseId() + " in " + key);
				}
				else if (release.status() == ReleaseStatus.RELEASED) {
					errors.put(at + "releaseId", release.name() + " is released: it is no longer planned");
				}
				if (c.capacity() == null || c.capacity().signum() < 0
						|| c.capacity().compareTo(BigDecimal.valueOf(100_000)) > 0) {
					errors.put(at + "capacity", "must be from 0 to 100000 " + team.unit());
				}
			}
		}
	}

	private static void member(String key, String at, Long id, Team team, Map<String, String> errors) {
		if (id == null) {
			errors.put(at + "memberId", "is required");
		}
		else if (!team.membersById().containsKey(id)) {
			errors.put(at + "memberId", "no team member " + id + " in " + key);
		}
	}

	private static SprintView sprint(String key, String at, Long id, Team team, Map<String, String> errors) {
		SprintView s = id == null ? null : team.sprintsById().get(id);
		if (s == null) {
			errors.put(at + "sprintId", id == null ? "is required" : "no sprint " + id + " in " + key);
		}
		return s;
	}

}
