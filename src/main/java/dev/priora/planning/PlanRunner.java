package dev.priora.planning;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.priora.accounts.UserId;
import dev.priora.backlog.BacklogOrder;
import dev.priora.backlog.BacklogProblem;
import dev.priora.backlog.BacklogSnapshot;
import dev.priora.backlog.ItemStatus;
import dev.priora.backlog.ItemType;
import dev.priora.backlog.ProductService;
import dev.priora.jobs.Job;
import dev.priora.jobs.JobContext;
import dev.priora.jobs.JobWork;
import dev.priora.jobs.Jobs;
import dev.priora.planning.engine.ReleaseOptimizer;
import dev.priora.prioritization.ItemScore;
import dev.priora.prioritization.PrioritizationService;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the release optimizer in the background ("plan for me") as a job any node may run:
 * progress (best value and bound so far) is written to the database so any node can show
 * it, a cancel keeps the best plan found so far, and a finished plan can be applied (one
 * change, undoable) or compared with another.
 */
@Service
public class PlanRunner implements JobWork {

	private static final Logger LOG = LoggerFactory.getLogger(PlanRunner.class);

	static final String KIND = "plan";

	/** The job's parameter: which plan it runs. */
	record Params(long planId) {
	}

	private final Jobs jobs;

	private final PlanningRepository repository;

	private final PlanningService planning;

	private final ProductService products;

	private final BacklogOrder backlog;

	private final PrioritizationService scores;

	private final JsonMapper json;

	private final TransactionTemplate separate;

	private final Clock clock;

	private final org.springframework.context.ApplicationEventPublisher events;

	private final SprintMoves sprintMoves;

	PlanRunner(PlanningRepository repository, PlanningService planning, ProductService products, BacklogOrder backlog,
			PrioritizationService scores, JsonMapper json, PlatformTransactionManager transactions, Clock clock,
			org.springframework.context.ApplicationEventPublisher events, Jobs jobs, SprintMoves sprintMoves) {
		this.sprintMoves = sprintMoves;
		this.jobs = jobs;
		this.events = events;
		this.repository = repository;
		this.planning = planning;
		this.products = products;
		this.backlog = backlog;
		this.scores = scores;
		this.json = json;
		this.separate = new TransactionTemplate(transactions);
		this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/** Checks the settings and queues the run; its progress is at {@link #get}. */
	@Transactional
	public PlanView start(String productKey, PlanSettings settings, UserId user) {
		String key = products.get(productKey).key();
		check(key, settings);
		long id = repository
			.insertPlan(key,
					settings.name() == null || settings.name().isBlank() ? "Plan " + java.time.LocalDate.now(clock)
							: settings.name().strip(),
					json.writeValueAsString(settings), user.value(), clock.instant());
		repository.runAs(id, jobs.start(KIND, key, new Params(id), null, user.value()).id());
		return get(key, id);
	}

	public PlanView get(String productKey, long id) {
		String key = products.get(productKey).key();
		var row = repository.plan(key, id).orElseThrow(() -> BacklogProblem.notFound("Plan " + id));
		return view(row, jobs.byIds(List.of(row.jobId())).get(row.jobId()), () -> sprintMoves.now(key));
	}

	public List<PlanView> list(String productKey) {
		String key = products.get(productKey).key();
		var rows = repository.plans(key);
		Map<String, Job> runs = jobs.byIds(rows.stream().map(PlanningRepository.PlanRow::jobId).toList());
		SprintMoves.Now[] now = { null };
		java.util.function.Supplier<SprintMoves.Now> once = () -> now[0] == null ? (now[0] = sprintMoves.now(key))
				: now[0];
		return rows.stream().map(r -> view(r, runs.get(r.jobId()), once)).toList();
	}

	/** Stops a running plan; the best plan found so far is kept. */
	public PlanView cancel(String productKey, long id) {
		String key = products.get(productKey).key();
		var row = repository.plan(key, id).orElseThrow(() -> BacklogProblem.notFound("Plan " + id));
		if ("APPLIED".equals(row.state())
				|| !jobs.cancel(KIND, key, row.jobId()).map(Jobs.Cancel::accepted).orElse(false)) {
			throw BacklogProblem.conflict("plan-finished", "This plan has finished; there is nothing to cancel.");
		}
		return get(productKey, id);
	}

	/**
	 * Assigns the plan's items to their releases and unplans the candidates it left out:
	 * one change. An item stays in its sprint when the plan puts it in the sprint's
	 * release; when the plan would take items out of their sprints, {@code sprintItems}
	 * must say what to do with them (409 naming them otherwise): keep them where they are
	 * (all, or those of started sprints) or move them as planned.
	 */
	@Transactional
	public PlanView apply(String productKey, long id, SprintItems sprintItems, UserId user) {
		PlanView p = get(productKey, id);
		if (p.result() == null || !"DONE".equals(p.state()) && !"CANCELLED".equals(p.state())) {
			throw BacklogProblem.conflict("plan-not-ready", "Only a finished plan with a result can be applied.");
		}
		if (!p.result().infeasible().isEmpty()) {
			throw BacklogProblem.conflict("plan-infeasible", "This plan's pins cannot hold; it has nothing to apply.");
		}
		if (!p.sprintChanges().isEmpty() && sprintItems == null) {
			throw sprintChoiceNeeded(p.sprintChanges());
		}
		String key = products.get(productKey).key();
		SprintMoves.Now now = sprintMoves.now(key);
		var current = now.assignments();
		Set<Long> kept = new HashSet<>();
		for (SprintChange c : now.changes(p.result())) {
			if (sprintItems.keeps(c.started())) {
				kept.add(now.ids().get(c.key()));
			}
		}
		Map<Long, Long[]> previous = new LinkedHashMap<>();
		Set<Long> planned = new HashSet<>();
		for (var placed : p.result().planned()) {
			Long itemId = now.ids().get(placed.key());
			if (itemId == null || kept.contains(itemId)) {
				continue;
			}
			remember(previous, current, itemId);
			planned.add(itemId);
			SprintView sprint = now.sprintOf(itemId);
			repository.assign(itemId, placed.releaseId(),
					sprint != null && now.keepsSprint(sprint, placed.releaseId()) ? sprint.id() : null, user.value(),
					clock.instant());
		}
		for (var left : p.result().excluded()) {
			Long itemId = now.ids().get(left.key());
			if (itemId != null && !planned.contains(itemId) && !kept.contains(itemId) && current.containsKey(itemId)) {
				remember(previous, current, itemId);
				repository.assign(itemId, null, null, user.value(), clock.instant());
			}
		}
		repository.applied(id, json.writeValueAsString(previous), clock.instant());
		events.publishEvent(new PlanApplied(key, id, p.name(), p.result().value(), p.result().planned().size()));
		return get(key, id);
	}

	/** Puts back the assignments the plan replaced. */
	@Transactional
	public PlanView undo(String productKey, long id, UserId user) {
		String key = products.get(productKey).key();
		var row = repository.plan(key, id).orElseThrow(() -> BacklogProblem.notFound("Plan " + id));
		if (!"APPLIED".equals(row.state()) || row.previous() == null) {
			throw BacklogProblem.conflict("plan-not-applied", "This plan is not applied; there is nothing to undo.");
		}
		@SuppressWarnings("unchecked")
		Map<String, List<Number>> previous = json.readValue(row.previous(), Map.class);
		Set<Long> exists = new HashSet<>();
		backlog.snapshot(key).items().forEach(e -> exists.add(e.id()));
		previous.forEach((item, was) -> {
			long itemId = Long.parseLong(item);
			if (exists.contains(itemId)) {
				Number release = was.get(0);
				Number sprint = was.get(1);
				repository.assign(itemId, release == null ? null : release.longValue(),
						sprint == null ? null : sprint.longValue(), user.value(), clock.instant());
			}
		});
		repository.undone(id, clock.instant());
		return get(key, id);
	}

	private static BacklogProblem sprintChoiceNeeded(List<SprintChange> changes) {
		List<String> named = changes.stream()
			.map(c -> c.key() + " (" + c.sprint() + (c.started() ? ", started" : "") + " → "
					+ (c.toRelease() == null ? "unplanned" : c.toRelease()) + ")")
			.toList();
		return BacklogProblem.conflict("sprint-items-choice",
				"Applying this plan takes " + changes.size() + (changes.size() == 1 ? " item" : " items") + " out of "
						+ (changes.size() == 1 ? "its sprint" : "their sprints") + ": " + String.join(", ", named)
						+ ". Say what to do with them: sprintItems KEEP (keep every item in a sprint where it is),"
						+ " KEEP_STARTED (keep those of started sprints) or MOVE (move them as planned).")
			.with("sprintChanges", changes)
			.with("choices", List.of(SprintItems.values()));
	}

	private static void remember(Map<Long, Long[]> previous, Map<Long, PlanningRepository.Assignment> current,
			long itemId) {
		var was = current.get(itemId);
		previous.putIfAbsent(itemId,
				new Long[] { was == null ? null : was.releaseId(), was == null ? null : was.sprintId() });
	}

	private void check(String key, PlanSettings s) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (s.discount() < 0 || s.discount() > 0.9) {
			errors.put("discount", "must be from 0 to 0.9");
		}
		if (s.timeLimitSeconds() < 1 || s.timeLimitSeconds() > 600) {
			errors.put("timeLimitSeconds", "must be from 1 to 600");
		}
		if (s.name() != null && s.name().length() > 100) {
			errors.put("name", "must be at most 100 characters");
		}
		var releases = repository.releases(key);
		Set<Long> known = new HashSet<>();
		releases.forEach(r -> known.add(r.id()));
		for (Long r : s.releases()) {
			if (!known.contains(r)) {
				errors.put("releases", "no release " + r + " in " + key);
			}
		}
		s.fixedRelease().forEach((item, r) -> {
			if (!known.contains(r)) {
				errors.put("fixedRelease", "no release " + r + " in " + key);
			}
		});
		Set<String> keys = new HashSet<>();
		backlog.snapshot(key).items().forEach(e -> keys.add(e.key().toString()));
		List<String> pinned = new ArrayList<>(s.mustInclude());
		pinned.addAll(s.mustExclude());
		pinned.addAll(s.fixedRelease().keySet());
		s.values().forEach((item, v) -> {
			if (!keys.contains(item.toUpperCase(Locale.ROOT))) {
				errors.put("values", item + " is no item of " + key);
			}
			else if (v == null || !Double.isFinite(v) || v < 0 || v > 1_000_000_000) {
				errors.put("values", "the value of " + item + " must be from 0 to 1000000000");
			}
		});
		if (s.value() == ReleaseOptimizer.ValueMode.TYPED && s.values().isEmpty()) {
			errors.put("values", "type a value for at least one item, or choose another value");
		}
		for (String item : pinned) {
			if (!keys.contains(item.toUpperCase(Locale.ROOT))) {
				errors.put("pins", item + " is no item of " + key);
			}
		}
		if (!errors.isEmpty()) {
			throw BacklogProblem.invalid(errors);
		}
	}

	@Override
	public String kind() {
		return KIND;
	}

	/**
	 * Runs the optimizer for the job's plan; progress goes to the plan in short separate
	 * transactions (at most 4 per second), a cancel stops the engine and keeps its best
	 * plan.
	 */
	@Override
	public Object run(JobContext context) {
		long id = context.params(Params.class).planId();
		var row = repository.plan(context.productKey(), id).orElseThrow();
		PlanSettings settings = json.readValue(row.settings(), PlanSettings.class);
		try {
			Built b = build(row.productKey(), settings);
			long[] last = { 0 };
			ReleaseOptimizer.Plan plan = ReleaseOptimizer.solve(b.problem(), settings.timeLimitSeconds(), 2,
					(value, bound, seconds) -> {
						long now = System.nanoTime();
						if (now - last[0] > 250_000_000L) {
							last[0] = now;
							separate.executeWithoutResult(s -> repository.progress(id, value, bound, seconds));
						}
					}, context::cancelRequested);
			PlanResult result = explain(b, plan);
			repository.progress(id, result.value(), result.optimal() ? result.value() : result.bound(),
					result.seconds());
			return context.cancelRequested() ? new Jobs.Stopped(result) : result;
		}
		catch (RuntimeException e) {
			LOG.error("plan {} failed", id, e);
			throw BacklogProblem.conflict("plan-failed", "The optimizer failed: " + e.getMessage());
		}
	}

	/** The problem handed to the engine, and what its indices stand for. */
	record Built(ReleaseOptimizer.Problem problem, List<BacklogSnapshot.Entry> items, List<ReleaseView> releases,
			long[] values, Map<String, String> leftOut, int[] rankOrder, Map<String, String> notes) {
	}

	Built build(String key, PlanSettings s) {
		var board = planning.board(key);
		List<ReleaseView> releases = board.releases()
			.stream()
			.filter(r -> s.releases().isEmpty() ? r.status() != ReleaseStatus.RELEASED : s.releases().contains(r.id()))
			.toList();
		Set<Long> releaseIds = new HashSet<>();
		releases.forEach(r -> releaseIds.add(r.id()));
		BacklogSnapshot snap = backlog.snapshot(key);
		var assignments = repository.assignments(key);
		Map<String, Double> score = new HashMap<>();
		for (ItemScore i : scores.scores(key, null)) {
			if (i.scoreValue() != null) {
				score.put(i.key(), i.scoreValue());
			}
		}
		Map<String, Double> typed = new HashMap<>();
		s.values().forEach((k, v) -> typed.put(k.toUpperCase(Locale.ROOT), v));
		Map<String, String> leftOut = new LinkedHashMap<>();
		List<BacklogSnapshot.Entry> items = new ArrayList<>();
		for (var e : snap.items()) {
			var a = assignments.get(e.id());
			boolean elsewhere = a != null && a.releaseId() != null && !releaseIds.contains(a.releaseId());
			if (!e.open() || e.type() == ItemType.EPIC || elsewhere) {
				continue;
			}
			if (s.candidates() == PlanSettings.Candidates.READY && e.status() == ItemStatus.NEW) {
				leftOut.put(e.key().toString(), "not ready");
				continue;
			}
			if (e.estimate() == null) {
				leftOut.put(e.key().toString(), "no estimate");
				continue;
			}
			items.add(e);
		}
		int n = items.size();
		Map<Long, Integer> index = new HashMap<>();
		for (int i = 0; i < n; i++) {
			index.put(items.get(i).id(), i);
		}
		long[] cost = new long[n];
		long[] value = new long[n];
		String[] names = new String[n];
		int[] pin = new int[n];
		for (int i = 0; i < n; i++) {
			var e = items.get(i);
			cost[i] = e.estimate().multiply(BigDecimal.TEN).setScale(0, java.math.RoundingMode.CEILING).longValue();
			value[i] = Math.round(100 * (s.value() == ReleaseOptimizer.ValueMode.TYPED
					? typed.getOrDefault(e.key().toString(), 0d) : score.getOrDefault(e.key().toString(), 0d)));
			names[i] = e.key().toString();
			pin[i] = ReleaseOptimizer.Problem.FREE;
		}
		List<int[]> edges = new ArrayList<>();
		Set<Long> done = new HashSet<>();
		snap.items().stream().filter(e -> !e.open()).forEach(e -> done.add(e.id()));
		for (int k = 0; k < snap.dependsOnFrom().length; k++) {
			Integer w = index.get(snap.dependsOnFrom()[k]);
			Integer p = index.get(snap.dependsOnTo()[k]);
			if (w != null && p != null) {
				edges.add(new int[] { w, p });
			}
			else if (w != null && !done.contains(snap.dependsOnTo()[k])) {
				// waits on something that cannot be planned here
				var pre = assignments.get(snap.dependsOnTo()[k]);
				boolean plannedElsewhere = pre != null && pre.releaseId() != null;
				if (!plannedElsewhere) {
					pin[w] = ReleaseOptimizer.Problem.OUT;
					leftOut.put(names[w], "waits on an item that cannot be planned in these releases");
				}
			}
		}
		Map<Long, Integer> releaseIndex = new HashMap<>();
		long[] capacity = new long[releases.size()];
		String[] releaseNames = new String[releases.size()];
		for (int j = 0; j < releases.size(); j++) {
			releaseIndex.put(releases.get(j).id(), j);
			capacity[j] = releases.get(j).capacity().multiply(BigDecimal.TEN).longValue();
			releaseNames[j] = releases.get(j).name();
		}
		Map<String, Integer> byKey = new HashMap<>();
		for (int i = 0; i < n; i++) {
			byKey.put(names[i], i);
		}
		Map<String, String> notes = s.keepStartedSprints()
				? pinStartedSprints(key, items, assignments, releaseIndex, pin) : new HashMap<>();
		s.mustInclude().forEach(k -> pinIfCandidate(byKey, pin, k, ReleaseOptimizer.Problem.IN, leftOut));
		s.mustExclude().forEach(k -> pinIfCandidate(byKey, pin, k, ReleaseOptimizer.Problem.OUT, leftOut));
		s.fixedRelease()
			.forEach((k, r) -> pinIfCandidate(byKey, pin, k, releaseIndex.getOrDefault(r, Integer.MAX_VALUE), leftOut));
		List<Long> customers = new ArrayList<>();
		List<int[]> requests = new ArrayList<>();
		if (s.value() == ReleaseOptimizer.ValueMode.CUSTOMER) {
			var profits = repository.customerProfits(key);
			repository.customerRequests(key).forEach((customer, asked) -> {
				List<Integer> open = new ArrayList<>();
				boolean satisfiable = true;
				for (long item : asked) {
					if (index.containsKey(item)) {
						open.add(index.get(item));
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
		var problem = new ReleaseOptimizer.Problem(cost, value, edges.stream().mapToInt(e -> e[0]).toArray(),
				edges.stream().mapToInt(e -> e[1]).toArray(), customers.stream().mapToLong(Long::longValue).toArray(),
				requests.toArray(int[][]::new), capacity, s.discount(), s.value(), pin, names, releaseNames);
		int[] rank = new int[n];
		for (int i = 0; i < n; i++) {
			rank[i] = i;
		}
		return new Built(problem, items, releases, value, leftOut, rank, notes);
	}

	/**
	 * Pins the candidates in a started sprint to their release (the sprint's, when it has
	 * one) if that release is being planned: the team is working on them. Returns why, by
	 * item key.
	 */
	private Map<String, String> pinStartedSprints(String key, List<BacklogSnapshot.Entry> items,
			Map<Long, PlanningRepository.Assignment> assignments, Map<Long, Integer> releaseIndex, int[] pin) {
		Set<Long> started = repository.startedSprints(key);
		Map<String, String> notes = new HashMap<>();
		if (started.isEmpty()) {
			return notes;
		}
		Map<Long, SprintView> sprints = new HashMap<>();
		repository.sprints(key).forEach(sp -> sprints.put(sp.id(), sp));
		for (int i = 0; i < items.size(); i++) {
			var a = assignments.get(items.get(i).id());
			SprintView sprint = a == null || a.sprintId() == null ? null : sprints.get(a.sprintId());
			if (sprint == null || !started.contains(sprint.id())) {
				continue;
			}
			Long release = sprint.releaseId() != null ? sprint.releaseId() : a.releaseId();
			if (release != null && releaseIndex.containsKey(release)) {
				pin[i] = releaseIndex.get(release);
				notes.put(items.get(i).key().toString(), "kept: in " + sprint.name() + ", which has started");
			}
		}
		return notes;
	}

	private static void pinIfCandidate(Map<String, Integer> byKey, int[] pin, String key, int how,
			Map<String, String> leftOut) {
		Integer i = byKey.get(key.toUpperCase(Locale.ROOT));
		if (i != null) {
			pin[i] = how;
		}
		else if (how != ReleaseOptimizer.Problem.OUT) {
			leftOut.putIfAbsent(key.toUpperCase(Locale.ROOT),
					"pinned in but it cannot be planned (done, an epic, or no estimate)");
		}
	}

	PlanResult explain(Built b, ReleaseOptimizer.Plan plan) {
		var p = b.problem();
		int n = b.items().size();
		List<PlanResult.Placed> placed = new ArrayList<>();
		long[] used = new long[b.releases().size()];
		for (int i = 0; i < n; i++) {
			int r = plan.release()[i];
			if (r >= 0) {
				var e = b.items().get(i);
				used[r] += p.cost()[i];
				placed.add(new PlanResult.Placed(e.id(), e.key().toString(), e.title(), e.estimate(), b.values()[i],
						b.releases().get(r).id(), b.releases().get(r).name(), b.notes().get(e.key().toString())));
			}
		}
		List<PlanResult.Excluded> excluded = new ArrayList<>();
		long left = 0;
		for (int j = 0; j < used.length; j++) {
			left += p.capacity()[j] - used[j];
		}
		Map<Integer, List<Integer>> prereqs = new HashMap<>();
		for (int k = 0; k < p.waitsOn().length; k++) {
			prereqs.computeIfAbsent(p.waitsOn()[k], x -> new ArrayList<>()).add(p.prerequisite()[k]);
		}
		for (int i = 0; i < n; i++) {
			if (plan.release()[i] >= 0) {
				continue;
			}
			var e = b.items().get(i);
			String reason;
			List<String> missing = new ArrayList<>();
			for (int q : prereqs.getOrDefault(i, List.of())) {
				if (plan.release()[q] < 0) {
					missing.add(p.itemNames()[q]);
				}
			}
			if (p.pin()[i] == ReleaseOptimizer.Problem.OUT) {
				reason = b.leftOut().getOrDefault(p.itemNames()[i], "pinned out");
			}
			else if (!missing.isEmpty()) {
				reason = "its prerequisite " + String.join(", ", missing) + " is not planned";
			}
			else if (p.cost()[i] > left) {
				reason = "capacity: its estimate is " + e.estimate().stripTrailingZeros().toPlainString()
						+ "; the releases have " + BigDecimal.valueOf(left, 1).stripTrailingZeros().toPlainString()
						+ " left";
			}
			else if (p.mode() == ReleaseOptimizer.ValueMode.ITEM && b.values()[i] == 0) {
				reason = "no value: it has no score under the active model";
			}
			else if (p.mode() == ReleaseOptimizer.ValueMode.TYPED && b.values()[i] == 0) {
				reason = "no value: no value was typed for it in this plan";
			}
			else {
				reason = "capacity: what its estimate would take delivers more value in the planned items";
			}
			excluded.add(new PlanResult.Excluded(e.key().toString(), e.title(), e.estimate(), b.values()[i], reason));
		}
		b.leftOut().forEach((k, why) -> {
			if (excluded.stream().noneMatch(x -> x.key().equals(k))) {
				excluded.add(new PlanResult.Excluded(k, "", null, 0, why));
			}
		});
		excluded.sort(Comparator.comparingLong(PlanResult.Excluded::value).reversed());
		int[] rank = ReleaseOptimizer.rankOrder(p, b.rankOrder());
		long[] rankUsed = new long[used.length];
		int rankItems = 0;
		for (int i = 0; i < n; i++) {
			if (rank[i] >= 0) {
				rankUsed[rank[i]] += p.cost()[i];
				rankItems++;
			}
		}
		long value = ReleaseOptimizer.valueOf(p, plan.release());
		long bound = plan.optimal() ? value : Math.max(value, plan.bound());
		return new PlanResult(value, bound, plan.optimal(),
				bound == 0 ? 0 : Math.round(1000.0 * (bound - value) / bound) / 10.0,
				Math.round(plan.seconds() * 100) / 100.0, placed, excluded.subList(0, Math.min(50, excluded.size())),
				uses(b, used), ReleaseOptimizer.valueOf(p, rank), uses(b, rankUsed), rankItems, plan.infeasible(),
				p.mode().name());
	}

	private static List<PlanResult.Use> uses(Built b, long[] used) {
		List<PlanResult.Use> uses = new ArrayList<>();
		for (int j = 0; j < used.length; j++) {
			uses.add(new PlanResult.Use(b.releases().get(j).id(), b.releases().get(j).name(),
					b.releases().get(j).capacity(), BigDecimal.valueOf(used[j], 1)));
		}
		return uses;
	}

	/**
	 * The plan with its run: APPLIED once applied, otherwise the run's state; a plan that
	 * can be applied lists the items applying it would take out of their sprints.
	 */
	private PlanView view(PlanningRepository.PlanRow r, Job run, java.util.function.Supplier<SprintMoves.Now> now) {
		String state = "APPLIED".equals(r.state()) ? "APPLIED" : run == null ? "FAILED" : run.state().name();
		Object detail = run == null || run.problem() == null ? null : run.problem().get("detail");
		PlanResult result = run == null || run.result() == null ? null : json.readValue(run.result(), PlanResult.class);
		boolean applicable = result != null && ("DONE".equals(state) || "CANCELLED".equals(state));
		return new PlanView(r.id(), r.name(), state, json.readValue(r.settings(), PlanSettings.class), r.bestValue(),
				r.bound(), r.elapsed() == null ? null : r.elapsed().doubleValue(), run != null && run.cancelRequested(),
				result, detail == null ? null : detail.toString(), r.createdAt(), r.appliedAt(), r.undoneAt(),
				applicable ? now.get().changes(result) : List.of());
	}

}
