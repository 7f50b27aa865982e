package dev.priora.scenarios;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Component;

import dev.priora.backlog.ProductService;
import dev.priora.jobs.Job;
import dev.priora.jobs.JobState;
import dev.priora.jobs.Jobs;
import dev.priora.planning.PlanningService;
import dev.priora.problem.DomainProblem;
import dev.priora.progress.TeamService;

/**
 * Reads scenarios with their changes, the state of their last run (from {@code jobs}) and
 * their last result, a list at a time in four queries; and what their changes name.
 */
@Component
class ScenarioReads {

	private final ScenarioRepository repository;

	private final Jobs jobs;

	private final TeamService team;

	private final PlanningService planning;

	private final ProductService products;

	ScenarioReads(ScenarioRepository repository, Jobs jobs, TeamService team, PlanningService planning,
			ProductService products) {
		this.repository = repository;
		this.jobs = jobs;
		this.team = team;
		this.planning = planning;
		this.products = products;
	}

	/** The product's team, sprints and releases as a scenario's changes name them. */
	Team team(String key) {
		return new Team(team.members(key), planning.sprints(key), planning.board(key).releases(),
				products.get(key).estimateUnit().label());
	}

	ScenarioRepository.Row row(String key, long id) {
		return repository.find(key, id).orElseThrow(() -> DomainProblem.notFound("Scenario " + id));
	}

	ScenarioView get(String key, long id) {
		return views(List.of(row(key, id))).get(0);
	}

	List<ScenarioView> views(List<ScenarioRepository.Row> rows) {
		List<Long> ids = rows.stream().map(ScenarioRepository.Row::id).toList();
		// the runs before the results: a run's end and its result commit together, so a
		// run
		// seen ending has its result, and one seen running keeps the page polling
		Map<String, Job> runs = jobs
			.byIds(rows.stream().map(ScenarioRepository.Row::jobId).filter(Objects::nonNull).toList());
		var changes = repository.changes(ids);
		var results = repository.results(ids);
		return rows.stream().map(r -> {
			Job run = r.jobId() == null ? null : runs.get(r.jobId());
			var result = results.get(r.id());
			String state;
			String problem = null;
			if (run != null && !run.state().finished()) {
				state = run.state().name();
			}
			else if (run != null && run.state() == JobState.FAILED) {
				state = "FAILED";
				Object detail = run.problem() == null ? null : run.problem().get("detail");
				problem = detail == null ? "The run failed." : detail.toString();
			}
			else {
				state = result != null ? "DONE" : "NEW";
			}
			return new ScenarioView(r.id(), r.name(), r.value(), r.discount(), r.timeLimitSeconds(),
					changes.getOrDefault(r.id(), List.of()), state, problem, r.version(), r.createdAt(), r.updatedAt(),
					result);
		}).toList();
	}

}
