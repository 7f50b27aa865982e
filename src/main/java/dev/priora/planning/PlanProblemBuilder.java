package dev.priora.planning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.priora.backlog.BacklogOrder;
import dev.priora.backlog.BacklogSnapshot;
import dev.priora.backlog.ItemStatus;
import dev.priora.backlog.ItemType;
import dev.priora.planning.engine.ReleaseOptimizer;
import dev.priora.prioritization.ItemScore;
import dev.priora.prioritization.PrioritizationService;

/**
 * Builds the release optimizer's problem from a product and a plan's settings: the
 * candidates (open stories and bugs with an estimate, not planned in a release outside
 * the plan, ready ones only if asked), their points × 10 and values × 100, the
 * prerequisites between them, the releases' capacities (points × 10), the pins (items of
 * started sprints if asked, the settings' pins, and always the items of closed sprints,
 * which a plan never moves) and, for customer value, what each customer asked for.
 */
@Component
class PlanProblemBuilder {

	private final PlanningService planning;

	private final PlanningRepository repository;

	private final BacklogOrder backlog;

	private final PrioritizationService scores;

	private final ReleasePlanRepository plans;

	PlanProblemBuilder(PlanningService planning, PlanningRepository repository, BacklogOrder backlog,
			PrioritizationService scores, ReleasePlanRepository plans) {
		this.plans = plans;
		this.planning = planning;
		this.repository = repository;
		this.backlog = backlog;
		this.scores = scores;
	}

	/** The items in play and their engine-side numbers, filled step by step. */
	private static final class Candidates {

		final List<BacklogSnapshot.Entry> items;

		final Map<Long, Integer> index = new HashMap<>();

		final Map<String, Integer> byKey = new HashMap<>();

		final long[] cost;

		final String[] names;

		final int[] pin;

		final Map<String, String> leftOut;

		Candidates(List<BacklogSnapshot.Entry> items, Map<String, String> leftOut) {
			this.items = items;
			this.leftOut = leftOut;
			int n = items.size();
			cost = new long[n];
			names = new String[n];
			pin = new int[n];
			for (int i = 0; i < n; i++) {
				var e = items.get(i);
				index.put(e.id(), i);
				names[i] = e.key().toString();
				byKey.put(names[i], i);
				cost[i] = e.estimate().multiply(BigDecimal.TEN).setScale(0, RoundingMode.CEILING).longValue();
				pin[i] = ReleaseOptimizer.Problem.FREE;
			}
		}

	}

	/** The product's sprints and which of them have started or are closed. */
	private record Sprints(Map<Long, SprintView> byId, Set<Long> started, Set<Long> closed) {

		SprintView of(PlanningRepository.Assignment a) {
			return a == null || a.sprintId() == null ? null : byId.get(a.sprintId());
		}

		/** The release an item of the sprint is in: the sprint's, else its own. */
		static Long release(SprintView sprint, PlanningRepository.Assignment a) {
			return sprint.releaseId() != null ? sprint.releaseId() : a.releaseId();
		}

	}

	PlanProblem build(String key, PlanSettings s) {
		List<ReleaseView> releases = planning.board(key)
			.releases()
			.stream()
			.filter(r -> s.releases().isEmpty() ? r.status() != ReleaseStatus.RELEASED : s.releases().contains(r.id()))
			.toList();
		Map<Long, Integer> releaseIndex = new HashMap<>();
		long[] capacity = new long[releases.size()];
		String[] releaseNames = new String[releases.size()];
		for (int j = 0; j < releases.size(); j++) {
			releaseIndex.put(releases.get(j).id(), j);
			capacity[j] = releases.get(j).capacity().multiply(BigDecimal.TEN).longValue();
			releaseNames[j] = releases.get(j).name();
		}
		BacklogSnapshot snap = backlog.snapshot(key);
		var assignments = repository.assignments(key);
		Map<Long, SprintView> byId = new HashMap<>();
		repository.sprints(key).forEach(sp -> byId.put(sp.id(), sp));
		Sprints sprints = new Sprints(byId, repository.startedSprints(key), repository.closedSprints(key));
		Map<String, String> leftOut = new LinkedHashMap<>();
		Candidates c = new Candidates(candidates(snap, assignments, sprints, releaseIndex.keySet(), s, leftOut),
				leftOut);
		long[] value = values(key, s, c);
		Set<Long> done = new HashSet<>();
		snap.items().stream().filter(e -> !e.open()).forEach(e -> done.add(e.id()));
		List<int[]> edges = prerequisites(snap, assignments, done, c);
		Map<String, String> notes = pins(s, assignments, sprints, releaseIndex, c);
		List<Long> customers = new ArrayList<>();
		List<int[]> requests = new ArrayList<>();
		if (s.value() == ReleaseOptimizer.ValueMode.CUSTOMER) {
			customers(key, c, done, customers, requests);
		}
		var problem = new ReleaseOptimizer.Problem(c.cost, value, edges.stream().mapToInt(e -> e[0]).toArray(),
				edges.stream().mapToInt(e -> e[1]).toArray(), customers.stream().mapToLong(Long::longValue).toArray(),
				requests.toArray(int[][]::new), capacity, s.discount(), s.value(), c.pin, c.names, releaseNames);
		int[] rank = new int[c.items.size()];
		for (int i = 0; i < rank.length; i++) {
			rank[i] = i;
		}
		return new PlanProblem(problem, c.items, releases, value, c.leftOut, rank, notes);
	}

	/**
	 * The open stories and bugs with an estimate that are not planned in a release
	 * outside the plan, nor in a closed sprint outside the plan's releases; in
	 * {@code leftOut}, why the others that could be are not (in a closed sprint, not
	 * ready, no estimate).
	 */
	private static List<BacklogSnapshot.Entry> candidates(BacklogSnapshot snap,
			Map<Long, PlanningRepository.Assignment> assignments, Sprints sprints, Set<Long> releaseIds, PlanSettings s,
			Map<String, String> leftOut) {
		List<BacklogSnapshot.Entry> items = new ArrayList<>();
		for (var e : snap.items()) {
			var a = assignments.get(e.id());
			boolean elsewhere = a != null && a.releaseId() != null && !releaseIds.contains(a.releaseId());
			if (!e.open() || e.type() == ItemType.EPIC || elsewhere) {
				continue;
			}
			SprintView sprint = sprints.of(a);
			if (sprint != null && sprints.closed().contains(sprint.id())
					&& !releaseIds.contains(Sprints.release(sprint, a))) {
				leftOut.put(e.key().toString(), "stays in " + sprint.name() + ", which is closed");
			}
			else if (s.candidates() == PlanSettings.Candidates.READY && e.status() == ItemStatus.NEW) {
				leftOut.put(e.key().toString(), "not ready");
			}
			else if (e.estimate() == null) {
				leftOut.put(e.key().toString(), "no estimate");
			}
			else {
				items.add(e);
			}
		}
		return items;
	}

	/** Each candidate's value × 100: its typed value or its active score. */
	private long[] values(String key, PlanSettings s, Candidates c) {
		Map<String, Double> score = new HashMap<>();
		if (s.value() != ReleaseOptimizer.ValueMode.TYPED) {
			for (ItemScore i : scores.scores(key, null)) {
				if (i.scoreValue() != null) {
					score.put(i.key(), i.scoreValue());
				}
			}
		}
		Map<String, Double> typed = new HashMap<>();
		s.values().forEach((k, v) -> typed.put(k.toUpperCase(Locale.ROOT), v));
		long[] value = new long[c.items.size()];
		for (int i = 0; i < value.length; i++) {
			value[i] = Math.round(100 * (s.value() == ReleaseOptimizer.ValueMode.TYPED
					? typed.getOrDefault(c.names[i], 0d) : score.getOrDefault(c.names[i], 0d)));
		}
		return value;
	}

	/**
	 * The prerequisites between candidates (waiting, prerequisite); a candidate that
	 * waits on an unfinished item that is neither a candidate nor planned is pinned out.
	 */
	private static List<int[]> prerequisites(BacklogSnapshot snap, Map<Long, PlanningRepository.Assignment> assignments,
			Set<Long> done, Candidates c) {
		List<int[]> edges = new ArrayList<>();
		for (int k = 0; k < snap.dependsOnFrom().length; k++) {
			Integer w = c.index.get(snap.dependsOnFrom()[k]);
			Integer p = c.index.get(snap.dependsOnTo()[k]);
			if (w != null && p != null) {
				edges.add(new int[] { w, p });
			}
			else if (w != null && !done.contains(snap.dependsOnTo()[k])) {
				var pre = assignments.get(snap.dependsOnTo()[k]);
				if (pre == null || pre.releaseId() == null) {
					c.pin[w] = ReleaseOptimizer.Problem.OUT;
					c.leftOut.put(c.names[w], "waits on an item that cannot be planned in these releases");
				}
			}
		}
		return edges;
	}

	/**
	 * Pins the candidates: those of started sprints to their release (if asked), then the
	 * settings' pins, then those of closed sprints to their release, which no pin
	 * overrides. Returns why, by item key.
	 */
	private static Map<String, String> pins(PlanSettings s, Map<Long, PlanningRepository.Assignment> assignments,
			Sprints sprints, Map<Long, Integer> releaseIndex, Candidates c) {
		Map<String, String> notes = new HashMap<>();
		if (s.keepStartedSprints()) {
			pinSprintItems(assignments, sprints, sprints.started(), "has started", releaseIndex, c, notes);
		}
		s.mustInclude().forEach(k -> pinIfCandidate(c, k, ReleaseOptimizer.Problem.IN));
		s.mustExclude().forEach(k -> pinIfCandidate(c, k, ReleaseOptimizer.Problem.OUT));
		s.fixedRelease().forEach((k, r) -> pinIfCandidate(c, k, releaseIndex.getOrDefault(r, Integer.MAX_VALUE)));
		pinSprintItems(assignments, sprints, sprints.closed(), "is closed", releaseIndex, c, notes);
		return notes;
	}

	/**
	 * Pins the candidates in these sprints to their release (the sprint's, when it has
	 * one) if that release is being planned, noting "kept: in SPRINT, which WHY".
	 */
	private static void pinSprintItems(Map<Long, PlanningRepository.Assignment> assignments, Sprints sprints,
			Set<Long> these, String why, Map<Long, Integer> releaseIndex, Candidates c, Map<String, String> notes) {
		if (these.isEmpty()) {
			return;
		}
		for (int i = 0; i < c.items.size(); i++) {
			var a = assignments.get(c.items.get(i).id());
			SprintView sprint = sprints.of(a);
			if (sprint == null || !these.contains(sprint.id())) {
				continue;
			}
			Long release = Sprints.release(sprint, a);
			if (release != null && releaseIndex.containsKey(release)) {
				c.pin[i] = releaseIndex.get(release);
				notes.put(c.names[i], "kept: in " + sprint.name() + ", which " + why);
			}
		}
	}

	private static void pinIfCandidate(Candidates c, String key, int how) {
		Integer i = c.byKey.get(key.toUpperCase(Locale.ROOT));
		if (i != null) {
			c.pin[i] = how;
		}
		else if (how != ReleaseOptimizer.Problem.OUT) {
			c.leftOut.putIfAbsent(key.toUpperCase(Locale.ROOT),
					"pinned in but it cannot be planned (done, an epic, or no estimate)");
		}
	}

	/**
	 * The customers whose every unfinished request can be planned here, with their profit
	 * and the candidates they asked for.
	 */
	private void customers(String key, Candidates c, Set<Long> done, List<Long> customers, List<int[]> requests) {
		var profits = plans.customerProfits(key);
		plans.customerRequests(key).forEach((customer, asked) -> {
			List<Integer> open = new ArrayList<>();
			boolean satisfiable = true;
			for (long item : asked) {
				if (c.index.containsKey(item)) {
					open.add(c.index.get(item));
				}
				else if (!done.contains(item)) {
					satisfiable = false;
				}
			}
			if (satisfiable && !open.isEmpty()) {
				customers.add(profits.getOrDefault(customer, 1L));
				requests.add(open.stream().mapToInt(Integer::intValue).toArray());
			}
		});
	}

}
