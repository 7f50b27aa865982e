package dev.priora.roadmap;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import dev.priora.accounts.UserId;
import dev.priora.backlog.BacklogOrder;
import dev.priora.problem.DomainProblem;
import dev.priora.backlog.ItemStatus;
import dev.priora.backlog.ItemType;
import dev.priora.planning.PlanningService;
import dev.priora.planning.ReleaseView;
import dev.priora.roadmap.RoadmapService.ReleaseNotes;

/**
 * Release notes: a Markdown draft from a release's done items, and the published text
 * (one per release, replaced on each publication).
 */
@Component
class ReleaseNotesWriter {

	private final RoadmapRepository repository;

	private final Objectives objectives;

	private final BacklogOrder backlog;

	private final PlanningService planning;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	ReleaseNotesWriter(RoadmapRepository repository, Objectives objectives, BacklogOrder backlog,
			PlanningService planning, Clock clock, ApplicationEventPublisher events) {
		this.repository = repository;
		this.objectives = objectives;
		this.backlog = backlog;
		this.planning = planning;
		this.clock = clock;
		this.events = events;
	}

	ReleaseNotes releaseNotes(String productKey, long releaseId) {
		ReleaseView release = planning.release(productKey, releaseId);
		String draft = draft(productKey, release);
		var published = repository.releaseNotes(releaseId);
		return new ReleaseNotes(release.name(), draft,
				published.map(RoadmapRepository.Published::markdown).orElse(null),
				published.map(RoadmapRepository.Published::at).orElse(null));
	}

	ReleaseNotes publish(String productKey, long releaseId, String markdown, UserId user) {
		ReleaseView release = planning.release(productKey, releaseId);
		String md = markdown == null ? "" : markdown.strip();
		if (md.isEmpty() || md.length() > 100_000) {
			throw DomainProblem.invalid("markdown", "is required, at most 100,000 characters");
		}
		boolean first = repository.releaseNotes(releaseId).isEmpty();
		repository.publishReleaseNotes(releaseId, md, clock.instant(), user.value());
		events.publishEvent(new ReleaseNotesPublished(productKey, releaseId, release.name(), first));
		return releaseNotes(productKey, releaseId);
	}

	/**
	 * The release's done items grouped into new features (stories), fixes (bugs) and
	 * other changes, each with its objectives, under the release's name and target date.
	 */
	private String draft(String productKey, ReleaseView release) {
		Map<String, List<String>> byItem = Objectives.byItem(objectives.objectives(productKey));
		Map<String, ItemType> types = new HashMap<>();
		backlog.snapshot(productKey).items().forEach(e -> types.put(e.key().toString(), e.type()));
		Map<String, List<String>> sections = new LinkedHashMap<>();
		sections.put("New", new ArrayList<>());
		sections.put("Fixed", new ArrayList<>());
		sections.put("Also changed", new ArrayList<>());
		for (var i : release.items()) {
			if (!ItemStatus.DONE.label().equals(i.status())) {
				continue;
			}
			var type = types.get(i.key());
			String section = type == ItemType.STORY ? "New" : type == ItemType.BUG ? "Fixed" : "Also changed";
			List<String> aligned = byItem.getOrDefault(i.key(), List.of());
			sections.get(section)
				.add("- " + i.title().replace('\n', ' ') + " (" + i.key() + ")"
						+ (aligned.isEmpty() ? "" : " — " + String.join(", ", aligned)));
		}
		StringBuilder md = new StringBuilder("# " + release.name() + "\n");
		if (release.targetDate() != null) {
			md.append("\n").append(release.targetDate()).append("\n");
		}
		sections.forEach((title, lines) -> {
			if (!lines.isEmpty()) {
				md.append("\n## ").append(title).append("\n\n").append(String.join("\n", lines)).append("\n");
			}
		});
		return md.toString();
	}

}
