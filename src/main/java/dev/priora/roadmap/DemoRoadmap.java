package dev.priora.roadmap;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import dev.priora.backlog.DemoClock;
import dev.priora.backlog.DemoProductCreated;
import dev.priora.backlog.ItemKey;
import dev.priora.planning.PlanningService;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo product's roadmap from {@code demo/roadmap.json}: the product goal, four
 * objectives with key results and the items serving them (one planned item serves none,
 * as happens), the shipped release's notes published the day after it shipped, and two
 * comments on the roadmap.
 */
@Component
class DemoRoadmap {

	record Objective(String title, String description, List<String> keyResults, String target, List<Long> items) {
	}

	record Notes(String release, String published, String intro) {
	}

	record Comment(String entry, String at, Boolean feedback, String body) {
	}

	record Demo(String goal, List<Objective> objectives, List<Notes> releaseNotes, List<Comment> comments) {
	}

	private final RoadmapService roadmap;

	private final PlanningService planning;

	private final JsonMapper json;

	private final DemoClock clock;

	DemoRoadmap(RoadmapService roadmap, PlanningService planning, JsonMapper json, DemoClock clock) {
		this.roadmap = roadmap;
		this.planning = planning;
		this.json = json;
		this.clock = clock;
	}

	@EventListener
	@Order(50)
	void on(DemoProductCreated event) throws IOException {
		Demo demo;
		try (InputStream in = new ClassPathResource("demo/roadmap.json").getInputStream()) {
			demo = json.readValue(in, Demo.class);
		}
		String key = event.productKey();
		roadmap.setGoal(key, demo.goal());
		Map<Long, List<Long>> aligned = new TreeMap<>();
		for (Objective o : demo.objectives()) {
			long id = roadmap.createObjective(key, o.title(), o.description(), o.keyResults(), o.target()).id();
			o.items().forEach(n -> aligned.computeIfAbsent(n, k -> new ArrayList<>()).add(id));
		}
		aligned.forEach((n, objectives) -> roadmap.align(new ItemKey(key, n), objectives));
		DemoClock.Timeline timeline = clock.timeline();
		for (Notes n : demo.releaseNotes()) {
			long release = planning.board(key)
				.releases()
				.stream()
				.filter(r -> r.name().equals(n.release()))
				.findFirst()
				.orElseThrow()
				.id();
			timeline.add(event.at(n.published()), () -> {
				String draft = roadmap.releaseNotes(key, release).draft();
				int firstSection = draft.indexOf("\n## ");
				String text = firstSection < 0 ? draft + "\n" + n.intro()
						: draft.substring(0, firstSection) + "\n" + n.intro() + "\n" + draft.substring(firstSection);
				roadmap.publishReleaseNotes(key, release, text, event.createdBy());
			});
		}
		for (Comment c : demo.comments()) {
			timeline.add(event.at(c.at()), () -> roadmap.comment(key, c.entry(), c.body(),
					Boolean.TRUE.equals(c.feedback()), event.createdBy()));
		}
		timeline.run();
	}

}
