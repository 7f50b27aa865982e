package dev.priora.scenarios;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.priora.jobs.JobContext;
import dev.priora.jobs.JobWork;
import dev.priora.jobs.Jobs;
import dev.priora.planning.CapacityPlans;
import dev.priora.planning.PlanResult;
import dev.priora.problem.DomainProblem;
import dev.priora.progress.ProgressService;
import dev.priora.progress.ScenarioForecasts;

/**
 * Runs a scenario as a background job any node may run (one scenario of a product at a
 * time): its changes become losses of the team's time and releases' capacities
 * ({@link ScenarioEffects}), the planner plans every unreleased release with those
 * capacities ({@link CapacityPlans}: the same problem, engine and explanation as a plan),
 * the forecaster forecasts the releases as the plan leaves them with those losses
 * ({@link ScenarioForecasts}), and the result is written in the job's transaction — only
 * if the scenario still runs this job (a change or delete since stops it and writes
 * nothing).
 */
@Component
class ScenarioRuns implements JobWork {

	static final String KIND = "scenario";

	/** The job's parameter: which scenario it runs. */
	record Params(long scenarioId) {
	}

	private final ScenarioRepository repository;

	private final ScenarioReads reads;

	private final CapacityPlans plans;

	private final ScenarioForecasts forecasts;

	private final Clock clock;

	ScenarioRuns(ScenarioRepository repository, ScenarioReads reads, CapacityPlans plans, ScenarioForecasts forecasts,
			Clock clock) {
		this.repository = repository;
		this.reads = reads;
		this.plans = plans;
		this.forecasts = forecasts;
		this.clock = clock;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public Object run(JobContext context) {
		long id = context.params(Params.class).scenarioId();
		String key = context.productKey();
		var row = repository.find(key, id).orElse(null);
		if (row == null || !context.id().equals(row.jobId())) {
			return Map.of("scenarioId", id, "written", false);
		}
		ScenarioView scenario = reads.get(key, id);
		Team team = reads.team(key);
		ScenarioCommand command = new ScenarioCommand(scenario.name(), scenario.value(), scenario.discount(),
				scenario.timeLimitSeconds(), scenario.changes());
		Map<String, String> outdated = ScenarioChecks.check(key, command, team);
		if (!outdated.isEmpty()) {
			throw DomainProblem.conflict("scenario-outdated",
					"The scenario names what the product no longer has; change it first: " + outdated);
		}
		var effect = ScenarioEffects.of(scenario.changes(), team, LocalDate.now(clock));
		var settings = new CapacityPlans.Settings(scenario.value() == ScenarioCommand.Value.CUSTOMER,
				scenario.discount(), scenario.timeLimitSeconds());
		long boardValue = plans.boardValue(key, settings);
		PlanResult plan = plans.plan(key, settings, effect.capacities(), context::cancelRequested);
		var odds = forecasts.forecast(key, plan, effect.losses());
		if (context.cancelRequested()) {
			throw new Jobs.Cancelled();
		}
		var still = repository.lock(key, id).orElse(null);
		if (still == null || !context.id().equals(still.jobId())) {
			return Map.of("scenarioId", id, "written", false);
		}
		repository.saveResult(id, outcome(plan, odds, boardValue, effect));
		return Map.of("scenarioId", id, "written", true, "value", plan.value());
	}

	private ScenarioView.Outcome outcome(PlanResult plan, List<ProgressService.ReleaseForecast> odds, long boardValue,
			ScenarioEffects.Effect effect) {
		Map<Long, PlanResult.Use> uses = new HashMap<>();
		plan.capacity().forEach(u -> uses.put(u.releaseId(), u));
		Map<Long, Integer> counts = new HashMap<>();
		List<ScenarioView.PlacedItem> items = new ArrayList<>();
		for (PlanResult.Placed p : plan.planned()) {
			counts.merge(p.releaseId(), 1, Integer::sum);
			items.add(new ScenarioView.PlacedItem(p.itemId(), p.key(), p.title(), p.estimate(), p.value(),
					p.releaseId(), p.release()));
		}
		List<ScenarioView.ReleaseOutcome> releases = new ArrayList<>();
		for (ProgressService.ReleaseForecast f : odds) {
			PlanResult.Use use = uses.get(f.releaseId());
			var d = f.forecast();
			releases.add(new ScenarioView.ReleaseOutcome(f.releaseId(), f.name(), f.targetDate(),
					use != null ? use.capacity() : effect.capacities().getOrDefault(f.releaseId(), BigDecimal.ZERO),
					use != null ? use.used() : BigDecimal.ZERO, counts.getOrDefault(f.releaseId(), 0),
					d == null ? null : d.p50Date(), d == null ? null : d.p85Date(), d == null ? null : d.p95Date(),
					d == null ? null : d.probability(), f.flag()));
		}
		List<String> notes = new ArrayList<>(effect.notes());
		notes.addAll(plan.infeasible());
		int length = 0;
		List<String> kept = new ArrayList<>();
		for (String n : notes) {
			length += n.length() + 1;
			if (length < 3900) {
				kept.add(n.replace('\n', ' '));
			}
		}
		return new ScenarioView.Outcome(clock.instant(), plan.value(), plan.bound(), plan.optimal(), plan.gapPercent(),
				plan.seconds(), boardValue, releases, items, kept);
	}

}
