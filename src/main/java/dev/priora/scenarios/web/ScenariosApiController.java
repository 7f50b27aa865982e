package dev.priora.scenarios.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.priora.accounts.Permission;
import dev.priora.accounts.Requires;
import dev.priora.accounts.SignedInUser;
import dev.priora.problem.Etags;
import dev.priora.scenarios.ScenarioCommand;
import dev.priora.scenarios.ScenarioComparison;
import dev.priora.scenarios.ScenarioView;
import dev.priora.scenarios.Scenarios;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Plan scenarios: create, list, read, change, delete, run, compare. */
@RestController
@Tag(name = "Plan scenarios")
class ScenariosApiController {

	private static final String BASE = "/api/v1/products/{productKey}/scenarios";

	private final Scenarios scenarios;

	ScenariosApiController(Scenarios scenarios) {
		this.scenarios = scenarios;
	}

	@GetMapping(BASE)
	@Operation(summary = "The product's scenarios by name, each with its state and last result")
	List<ScenarioView> list(@PathVariable String productKey) {
		return scenarios.list(productKey);
	}

	@PostMapping(BASE)
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Save a scenario: a plan with changed capacities (run it to see its plan and odds)",
			description = "changes: MEMBER_LEAVES (memberId, from: a day of one of the product's sprints), SPRINT_LOST"
					+ " (sprintId), DAYS_OFF (memberId, sprintId, days), RELEASE_CAPACITY (releaseId, capacity in points)")
	ResponseEntity<ScenarioView> create(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@RequestBody ScenarioCommand body) {
		ScenarioView s = scenarios.create(productKey, body, user.id());
		return ResponseEntity.created(URI.create("/api/v1/products/" + productKey + "/scenarios/" + s.id()))
			.eTag(Etags.of(s.version()))
			.body(s);
	}

	@GetMapping(BASE + "/compare")
	@Operation(summary = "Up to three scenarios that have run side by side after the board as it stands",
			description = "ids: scenario ids separated by commas, e.g. ?ids=3,5,8")
	ScenarioComparison compare(@PathVariable String productKey, @RequestParam(required = false) String ids) {
		return scenarios.compare(productKey, ids);
	}

	@GetMapping(BASE + "/{id}")
	@Operation(summary = "A scenario: settings, changes, state of its last run and its result")
	ResponseEntity<ScenarioView> get(@PathVariable String productKey, @PathVariable long id) {
		ScenarioView s = scenarios.get(productKey, id);
		return ResponseEntity.ok().eTag(Etags.of(s.version())).body(s);
	}

	@PutMapping(BASE + "/{id}")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Change a scenario (If-Match required); its last result is forgotten")
	ResponseEntity<ScenarioView> update(@PathVariable String productKey, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody ScenarioCommand body) {
		ScenarioView s = scenarios.update(productKey, id, body, Etags.versionFrom(ifMatch));
		return ResponseEntity.ok().eTag(Etags.of(s.version())).body(s);
	}

	@DeleteMapping(BASE + "/{id}")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Delete a scenario (a run under way is stopped)")
	ResponseEntity<Void> delete(@PathVariable String productKey, @PathVariable long id) {
		scenarios.delete(productKey, id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping(BASE + "/{id}/run")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Run a scenario in the background (answers 202 at once; follow the scenario for its result)")
	ResponseEntity<ScenarioView> run(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@PathVariable long id) {
		ScenarioView s = scenarios.run(productKey, id, user.id());
		return ResponseEntity.accepted()
			.location(URI.create("/api/v1/products/" + productKey + "/scenarios/" + s.id()))
			.body(s);
	}

}
