package dev.priora.planning;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
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
import dev.priora.problem.DomainProblem;
import dev.priora.backlog.ProductService;
import dev.priora.jobs.JobContext;
import dev.priora.jobs.JobWork;
import dev.priora.jobs.Jobs;
import dev.priora.planning.engine.ReleaseOptimizer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the release optimizer in the background ("plan for me") as a job any node may run,
 * and is the face of a plan's life: start (settings checked), progress (best value and
 * bound so far, written to the database so any node can show it), cancel (the best plan
 * found so far is kept), apply and undo ({@link PlanApplier}), read ({@link PlanViews}).
 * The problem is built by {@link PlanProblemBuilder} and the plan explained by
 * {@link PlanExplainer}.
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

	private final ReleasePlanRepository plans;

	private final ProductService products;

	private final BacklogOrder backlog;

	private final JsonMapper json;

	private final TransactionTemplate separate;

	private final Clock clock;

	private final PlanProblemBuilder problems;

	private final PlanViews views;

	private final PlanApplier applier;

	private final PromisePlans promises;

	PlanRunner(PlanningRepository repository, ReleasePlanRepository plans, ProductService products,
			BacklogOrder backlog, JsonMapper json, PlatformTransactionManager transactions, Clock clock, Jobs jobs,
			PlanProblemBuilder problems, PlanViews views, PlanApplier applier, PromisePlans promises) {
		this.promises = promises;
		this.jobs = jobs;
		this.repository = repository;
		this.plans = plans;
		this.products = products;
		this.backlog = backlog;
		this.json = json;
		this.separate = new TransactionTemplate(transactions);
		this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
		this.problems = problems;
		this.views = views;
		this.applier = applier;
	}

	/** Checks the settings and queues the run; its progress is at {@link #get}. */
	@Transactional
	public PlanView start(String productKey, PlanSettings settings, UserId user) {
		String key = products.get(productKey).key();
		check(key, settings);
		long id = plans
			.insertPlan(key,
					settings.name() == null || settings.name().isBlank() ? "Plan " + LocalDate.now(clock)
							: settings.name().strip(),
					json.writeValueAsString(settings), user.value(), clock.instant());
		plans.runAs(id, jobs.start(KIND, key, new Params(id), null, user.value()).id());
		return get(key, id);
	}

	public PlanView get(String productKey, long id) {
		return views.get(productKey, id);
	}

	public List<PlanView> list(String productKey) {
		return views.list(productKey);
	}

	/** Stops a running plan; the best plan found so far is kept. */
	public PlanView cancel(String productKey, long id) {
		String key = products.get(productKey).key();
		var row = views.row(key, id);
		if ("APPLIED".equals(row.state())
				|| !jobs.cancel(KIND, key, row.jobId()).map(Jobs.Cancel::accepted).orElse(false)) {
			throw DomainProblem.conflict("plan-finished", "This plan has finished; there is nothing to cancel.");
		}
		return get(productKey, id);
	}

	/**
	 * Assigns the plan's items to their releases and unplans the candidates it left out:
	 * one change, in each moved item's history. An item stays in its sprint when the plan
	 * puts it in the sprint's release, and an item of a closed sprint stays where it is;
	 * when the plan would take items out of their sprints, {@code sprintItems} must say
	 * what to do with them (409 naming them otherwise): keep them where they are (all, or
	 * those of started sprints) or move them as planned.
	 */
	public PlanView apply(String productKey, long id, SprintItems sprintItems, UserId user) {
		return applier.apply(productKey, id, sprintItems, user);
	}

	/**
	 * Puts back the assignments the plan replaced, in each item's history; 409 when a
	 * sprint closed since would lose or gain an item.
	 */
	public PlanView undo(String productKey, long id, UserId user) {
		return applier.undo(productKey, id, user);
	}

	private void check(String key, PlanSettings s) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (s.discount() < 0 || s.discount() > 0.9) {
			errors.put("discount", "must be from 0 to 0.9");
		}
		if (s.timeLimitSeconds() < 1 || s.timeLimitSeconds() > 600) {
			errors.put("timeLimitSeconds", "must be from 1 to 600");
		}
		if (s.confidence() != null && !(s.confidence() >= 0.5 && s.confidence() <= 0.99)) {
			errors.put("confidence", "must be from 0.5 to 0.99 (e.g. 0.85 for 85 %)");
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
			throw DomainProblem.invalid(errors);
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
		var row = plans.plan(context.productKey(), id).orElseThrow();
		PlanSettings settings = json.readValue(row.settings(), PlanSettings.class);
		try {
			PlanProblem b = problems.build(row.productKey(), settings);
			PromisePlans.Shaped shaped = settings.promise()
					? promises.shape(row.productKey(), b, settings, context::cancelRequested) : null;
			if (shaped != null) {
				b = shaped.problem();
			}
			long[] last = { 0 };
			ReleaseOptimizer.Plan plan = ReleaseOptimizer.solve(b.problem(),
					shaped != null ? shaped.secondsLeft() : settings.timeLimitSeconds(), 2, (value, bound, seconds) -> {
						long now = System.nanoTime();
						if (now - last[0] > 250_000_000L) {
							last[0] = now;
							separate.executeWithoutResult(s -> plans.progress(id, value, bound, seconds));
						}
					}, context::cancelRequested);
			PlanResult result = PlanExplainer.explain(b, plan);
			if (shaped != null) {
				result = result.withPromise(shaped.promise(result, settings.confidence()));
			}
			plans.progress(id, result.value(), result.optimal() ? result.value() : result.bound(), result.seconds());
			return context.cancelRequested() ? new Jobs.Stopped(result) : result;
		}
		catch (RuntimeException e) {
			LOG.error("plan {} failed", id, e);
			throw DomainProblem.conflict("plan-failed", "The optimizer failed: " + e.getMessage());
		}
	}

}
