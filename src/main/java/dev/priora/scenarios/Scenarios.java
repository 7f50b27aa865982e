package dev.priora.scenarios;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.priora.accounts.UserId;
import dev.priora.backlog.ProductService;
import dev.priora.jobs.Jobs;
import dev.priora.problem.DomainProblem;

/**
 * A product's plan scenarios: create, read, change (If-Match version), delete, run (a
 * background job, {@link ScenarioRuns}: the same planner and forecaster as a plan, with
 * the scenario's changes) and compare up to three with the board. One transaction per
 * command, each holding the scenario's row; a change forgets the last result and stops a
 * run under way; bad input writes nothing.
 */
@Service
public class Scenarios {

	/** The most scenarios compared at once. */
	public static final int MAX_COMPARED = 3;

	private final ScenarioRepository repository;

	private final ScenarioReads reads;

	private final ProductService products;

	private final Jobs jobs;

	private final ScenarioCompare compare;

	private final Clock clock;

	Scenarios(ScenarioRepository repository, ScenarioReads reads, ProductService products, Jobs jobs,
			ScenarioCompare compare, Clock clock) {
		this.repository = repository;
		this.reads = reads;
		this.products = products;
		this.jobs = jobs;
		this.compare = compare;
		this.clock = clock;
	}

	@Transactional
	public ScenarioView create(String productKey, ScenarioCommand command, UserId user) {
		String key = products.get(productKey).key();
		check(key, command, 0);
		long id = repository.insert(key, command, user.value(), clock.instant());
		return reads.get(key, id);
	}

	@Transactional(readOnly = true)
	public List<ScenarioView> list(String productKey) {
		String key = products.get(productKey).key();
		return reads.views(repository.list(key));
	}

	@Transactional(readOnly = true)
	public ScenarioView get(String productKey, long id) {
		return reads.get(products.get(productKey).key(), id);
	}

	/**
	 * Replaces the scenario's settings and changes (412 when {@code version} is stale).
	 */
	@Transactional
	public ScenarioView update(String productKey, long id, ScenarioCommand command, long version) {
		String key = products.get(productKey).key();
		var row = repository.lock(key, id).orElseThrow(() -> DomainProblem.notFound("Scenario " + id));
		if (row.version() != version) {
			throw DomainProblem.stale("Scenario " + row.name(), row.version(), "someone");
		}
		check(key, command, id);
		stopRun(key, row);
		repository.update(id, version, command, clock.instant());
		return reads.get(key, id);
	}

	@Transactional
	public void delete(String productKey, long id) {
		String key = products.get(productKey).key();
		var row = repository.lock(key, id).orElseThrow(() -> DomainProblem.notFound("Scenario " + id));
		stopRun(key, row);
		repository.delete(id);
	}

	/**
	 * Queues a run of the scenario as it stands (409 while one is under way, or when a
	 * change names a member, sprint or release that is gone).
	 */
	@Transactional
	public ScenarioView run(String productKey, long id, UserId user) {
		String key = products.get(productKey).key();
		var row = repository.lock(key, id).orElseThrow(() -> DomainProblem.notFound("Scenario " + id));
		ScenarioView now = reads.views(List.of(row)).get(0);
		if (now.running()) {
			throw DomainProblem.conflict("scenario-running", "Scenario " + row.name() + " is running already.");
		}
		Map<String, String> outdated = ScenarioChecks.check(key, command(now), reads.team(key));
		if (!outdated.isEmpty()) {
			throw DomainProblem.conflict("scenario-outdated",
					"Scenario " + row.name() + " names what the product no longer has; change it first: " + outdated);
		}
		repository.runAs(id, jobs.start(ScenarioRuns.KIND, key, new ScenarioRuns.Params(id), null, user.value()).id());
		return reads.get(key, id);
	}

	/**
	 * Up to three scenarios that have run, side by side after the board as it stands
	 * ({@code ids} as typed: numbers separated by commas; 400 naming {@code ids} when
	 * there are none, more than three or not numbers; 404 for one the product does not
	 * have; 409 for one that has not run).
	 */
	@Transactional(readOnly = true)
	public ScenarioComparison compare(String productKey, String ids) {
		String key = products.get(productKey).key();
		Set<Long> wanted = new LinkedHashSet<>();
		for (String part : (ids == null ? "" : ids).split(",")) {
			if (part.isBlank()) {
				continue;
			}
			try {
				wanted.add(Long.valueOf(part.strip()));
			}
			catch (NumberFormatException e) {
				throw DomainProblem.invalid("ids", "'" + part.strip() + "' is no scenario id; name them like 3,5,8");
			}
		}
		if (wanted.isEmpty()) {
			throw DomainProblem.invalid("ids", "name one to " + MAX_COMPARED + " scenarios, like 3,5,8");
		}
		if (wanted.size() > MAX_COMPARED) {
			throw DomainProblem.invalid("ids", "at most " + MAX_COMPARED + " scenarios are compared at once");
		}
		List<ScenarioView> views = new ArrayList<>();
		for (long id : wanted) {
			ScenarioView v = reads.get(key, id);
			if (v.result() == null) {
				throw DomainProblem.conflict("scenario-not-run",
						"Scenario " + v.name() + " has no result yet: run it first.");
			}
			views.add(v);
		}
		return compare.of(key, views);
	}

	private void check(String key, ScenarioCommand command, long id) {
		Map<String, String> errors = ScenarioChecks.check(key, command, reads.team(key));
		if (command.name() != null && !command.name().isEmpty() && repository.nameTaken(key, command.name(), id)) {
			errors.putIfAbsent("name", "another scenario of " + key + " is named " + command.name());
		}
		if (!errors.isEmpty()) {
			throw DomainProblem.invalid(errors);
		}
	}

	private void stopRun(String key, ScenarioRepository.Row row) {
		if (row.jobId() != null) {
			jobs.cancel(ScenarioRuns.KIND, key, row.jobId());
		}
	}

	private static ScenarioCommand command(ScenarioView v) {
		return new ScenarioCommand(v.name(), v.value(), v.discount(), v.timeLimitSeconds(), v.changes());
	}

}
