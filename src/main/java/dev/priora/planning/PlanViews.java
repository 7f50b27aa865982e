package dev.priora.planning;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import dev.priora.problem.DomainProblem;
import dev.priora.backlog.ProductService;
import dev.priora.jobs.Job;
import dev.priora.jobs.Jobs;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads plans with their runs: a plan's state (APPLIED once applied, otherwise its
 * run's), live best value and bound, result, and — for a plan that can be applied — the
 * items applying it would take out of their sprints.
 */
@Component
class PlanViews {

	private final ReleasePlanRepository repository;

	private final ProductService products;

	private final Jobs jobs;

	private final JsonMapper json;

	private final SprintMoves sprintMoves;

	PlanViews(ReleasePlanRepository repository, ProductService products, Jobs jobs, JsonMapper json,
			SprintMoves sprintMoves) {
		this.repository = repository;
		this.products = products;
		this.jobs = jobs;
		this.json = json;
		this.sprintMoves = sprintMoves;
	}

	/** The plan's row, 404 when the product has no such plan. */
	ReleasePlanRepository.PlanRow row(String key, long id) {
		return repository.plan(key, id).orElseThrow(() -> DomainProblem.notFound("Plan " + id));
	}

	PlanView get(String productKey, long id) {
		String key = products.get(productKey).key();
		var row = row(key, id);
		return view(row, jobs.byIds(List.of(row.jobId())).get(row.jobId()), () -> sprintMoves.now(key));
	}

	/** The product's last 50 plans, newest first. */
	List<PlanView> list(String productKey) {
		String key = products.get(productKey).key();
		var rows = repository.plans(key);
		Map<String, Job> runs = jobs.byIds(rows.stream().map(ReleasePlanRepository.PlanRow::jobId).toList());
		SprintMoves.Now[] now = { null };
		Supplier<SprintMoves.Now> once = () -> now[0] == null ? (now[0] = sprintMoves.now(key)) : now[0];
		return rows.stream().map(r -> view(r, runs.get(r.jobId()), once)).toList();
	}

	private PlanView view(ReleasePlanRepository.PlanRow r, Job run, Supplier<SprintMoves.Now> now) {
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
