package dev.priora.progress;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import dev.priora.accounts.UserId;
import dev.priora.backlog.AcceptanceCriterion;
import dev.priora.backlog.BacklogService;
import dev.priora.backlog.DemoClock;
import dev.priora.backlog.DemoProductCreated;
import dev.priora.backlog.ItemDraft;
import dev.priora.backlog.ItemKey;
import dev.priora.backlog.ItemStatus;
import dev.priora.planning.PlanningService;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo team and its sprints from {@code demo/progress.json}: five members with
 * capacities, skills and days off; who works on what; and the sprints as they happened —
 * items planned in, started and finished (their acceptance criteria ticked) on their
 * days, an urgent bug added mid-sprint, the reviews, each sprint closed with its
 * unfinished items spilling into the next, the release decisions — all through the real
 * services with the clock turned back, so velocity, burndowns, burnups, cumulative flow
 * and cycle times read a real history. The last sprint listed with a start runs still.
 */
@Component
class DemoSprints {

	record Member(String name, String email, BigDecimal capacity, List<String> skills) {
	}

	record DaysOff(String member, String sprint, int days) {
	}

	record Work(long item, String by, String added, String started, String done) {
	}

	record Sprint(String name, String planned, String started, Boolean startAnyway, String reviewed, String closed,
			String next, List<Work> work) {
	}

	record Decision(String release, String at, String decision, String note) {
	}

	record Demo(List<Member> team, List<DaysOff> daysOff, Map<Long, String> assignees, List<Sprint> sprints,
			List<Decision> decisions) {
	}

	private final TeamService team;

	private final ProgressService progress;

	private final SprintReview review;

	private final PlanningService planning;

	private final BacklogService backlog;

	private final JsonMapper json;

	private final DemoClock clock;

	DemoSprints(TeamService team, ProgressService progress, SprintReview review, PlanningService planning,
			BacklogService backlog, JsonMapper json, DemoClock clock) {
		this.team = team;
		this.progress = progress;
		this.review = review;
		this.planning = planning;
		this.backlog = backlog;
		this.json = json;
		this.clock = clock;
	}

	@EventListener
	@Order(40)
	void on(DemoProductCreated event) throws IOException {
		Demo demo;
		try (InputStream in = new ClassPathResource("demo/progress.json").getInputStream()) {
			demo = json.readValue(in, Demo.class);
		}
		String key = event.productKey();
		Map<String, Long> members = new HashMap<>();
		demo.team()
			.forEach(m -> members.put(m.name(), team.add(key, m.name(), m.email(), m.capacity(), m.skills()).id()));
		Map<String, Long> sprints = new HashMap<>();
		planning.sprints(key).forEach(s -> sprints.put(s.name(), s.id()));
		demo.daysOff().forEach(d -> team.daysOff(key, members.get(d.member()), sprints.get(d.sprint()), d.days()));
		demo.assignees().forEach((n, who) -> team.assign(new ItemKey(key, n), members.get(who), event.createdBy()));
		DemoClock.Timeline timeline = clock.timeline();
		for (Sprint s : demo.sprints()) {
			s.work().forEach(w -> team.assign(new ItemKey(key, w.item()), members.get(w.by()), event.createdBy()));
			tell(s, sprints, event, timeline);
		}
		Map<String, Long> releases = new HashMap<>();
		planning.board(key).releases().forEach(r -> releases.put(r.name(), r.id()));
		for (Decision d : demo.decisions()) {
			timeline.add(event.at(d.at()),
					() -> progress.decide(key, releases.get(d.release()), d.decision(), d.note(), event.createdBy()));
		}
		timeline.run();
	}

	/**
	 * A sprint's story as steps: planning, start, the work on each item, review, close.
	 */
	private void tell(Sprint s, Map<String, Long> sprints, DemoProductCreated event, DemoClock.Timeline timeline) {
		String key = event.productKey();
		UserId user = event.createdBy();
		long id = sprints.get(s.name());
		for (Work w : s.work()) {
			ItemKey item = new ItemKey(key, w.item());
			timeline.add(event.at(w.added() != null ? w.added() : s.planned()),
					() -> planning.moveToSprint(item, id, user));
			if (w.started() != null) {
				timeline.add(event.at(w.started()), () -> start(item, user));
			}
			if (w.done() != null) {
				timeline.add(event.at(w.done()), () -> finish(item, user));
			}
		}
		if (s.started() != null) {
			timeline.add(event.at(s.started()),
					() -> progress.start(key, id, Boolean.TRUE.equals(s.startAnyway()), user));
		}
		if (s.reviewed() != null) {
			timeline.add(event.at(s.reviewed()), () -> accept(key, id, user));
		}
		if (s.closed() != null) {
			Long next = s.next() == null ? null : sprints.get(s.next());
			timeline.add(event.at(s.closed()), () -> progress.close(key, id, next, user));
		}
	}

	private void start(ItemKey item, UserId user) {
		backlog.changeStatus(item, ItemStatus.IN_PROGRESS, backlog.item(item).version(), false, user);
	}

	/** Done, with every acceptance criterion ticked. */
	private void finish(ItemKey item, UserId user) {
		var current = backlog.item(item);
		backlog
			.edit(item, d -> new ItemDraft(d.type(), d.title(), d.description(), d.estimate(), d.labels(), d.parent(),
					d.acceptanceCriteria().stream().map(c -> new AcceptanceCriterion(c.statement(), true)).toList()),
					ItemStatus.DONE, current.version(), false, user);
	}

	/** The review: every done item of the sprint accepted, each criterion met. */
	private void accept(String key, long sprintId, UserId user) {
		for (var r : review.reviewable(key, sprintId)) {
			review.review(key, sprintId, r.key(), true, "", IntStream.range(0, r.criteria().size()).boxed().toList(),
					user);
		}
	}

}
