package dev.priora.planning;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import dev.priora.backlog.DemoClock;
import dev.priora.backlog.DemoProductCreated;
import dev.priora.backlog.ItemKey;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plans the demo product from {@code demo/plan.json}: a shipped release, the current one
 * and the next, with their capacities and items, and five sprints — three in the past,
 * one running and one ahead (dates in days from today). Which items went into which
 * sprint, and when, is the team's story, told by {@code progress}.
 */
@Component
class DemoPlan {

	record Release(String name, String planned, int target, BigDecimal capacity, Boolean capacityFromSprints,
			ReleaseStatus status, String statusSince, List<Long> items) {
	}

	record Sprint(String name, String release, String created, int start, int end, BigDecimal capacity, String goal) {
	}

	record Demo(List<Release> releases, List<Sprint> sprints) {
	}

	private final PlanningService planning;

	private final JsonMapper json;

	private final DemoClock clock;

	DemoPlan(PlanningService planning, JsonMapper json, DemoClock clock) {
		this.planning = planning;
		this.json = json;
		this.clock = clock;
	}

	@EventListener
	@Order(30)
	void on(DemoProductCreated event) throws IOException {
		Demo demo;
		try (InputStream in = new ClassPathResource("demo/plan.json").getInputStream()) {
			demo = json.readValue(in, Demo.class);
		}
		String key = event.productKey();
		LocalDate day = event.day();
		Map<String, Long> releases = new HashMap<>();
		DemoClock.Timeline timeline = clock.timeline();
		for (Release r : demo.releases()) {
			timeline.add(event.at(r.planned()), () -> {
				long id = planning
					.createRelease(key, r.name(), day.plusDays(r.target()), r.capacity(),
							Boolean.TRUE.equals(r.capacityFromSprints()))
					.id();
				releases.put(r.name(), id);
				r.items().forEach(n -> planning.assign(new ItemKey(key, n), id, null, event.createdBy()));
			});
			if (r.status() != ReleaseStatus.PLANNED) {
				timeline.add(event.at(r.statusSince()), () -> {
					ReleaseView v = planning.release(key, releases.get(r.name()));
					planning.updateRelease(key, v.id(), v.name(), v.targetDate(), r.capacity(), v.capacityFromSprints(),
							r.status(), v.version());
				});
			}
		}
		for (Sprint s : demo.sprints()) {
			timeline.add(event.at(s.created()), () -> planning.createSprint(key, s.name(), day.plusDays(s.start()),
					day.plusDays(s.end()), s.capacity(), s.goal(), releases.get(s.release())));
		}
		timeline.run();
	}

}
