package dev.priora.planning.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import dev.priora.accounts.Permission;
import dev.priora.accounts.Requires;
import dev.priora.accounts.SignedInUser;
import dev.priora.problem.Etags;
import dev.priora.backlog.ItemKey;
import dev.priora.planning.PlanComparison;
import dev.priora.planning.PlanRunner;
import dev.priora.planning.PlanSettings;
import dev.priora.planning.PlanView;
import dev.priora.planning.SprintEdits;
import dev.priora.planning.SprintItems;
import dev.priora.planning.PlanningService;
import dev.priora.planning.ReleaseStatus;
import dev.priora.planning.ReleaseView;
import dev.priora.planning.SprintView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Releases, sprints, assignments, and optimizer runs (start, progress, result, apply,
 * undo, compare).
 */
@RestController
@Tag(name = "Release planning")
class PlanningApiController {

	private static final String BASE = "/api/v1/products/{productKey}";

	private final PlanningService planning;

	private final PlanRunner plans;

	private final SprintEdits sprints;

	PlanningApiController(PlanningService planning, PlanRunner plans, SprintEdits sprints) {
		this.sprints = sprints;
		this.planning = planning;
		this.plans = plans;
	}

	record ReleaseBody(@NotNull @Size(max = 100) String name, LocalDate targetDate, BigDecimal capacity,
			Boolean capacityFromSprints, ReleaseStatus status) {
	}

	record SprintBody(@NotNull @Size(max = 100) String name, @NotNull LocalDate start, @NotNull LocalDate end,
			BigDecimal capacity, @Size(max = 1000) String goal, Long releaseId) {
	}

	record SprintChangeBody(@NotNull @Size(max = 100) String name, @NotNull LocalDate start, @NotNull LocalDate end,
			BigDecimal capacity, @Size(max = 1000) String goal) {
	}

	record AssignBody(Long releaseId, Long sprintId) {
	}

	/**
	 * What to do with items the plan would take out of their sprints (required when there
	 * are any: KEEP, KEEP_STARTED or MOVE).
	 */
	record ApplyBody(SprintItems sprintItems) {
	}

	@GetMapping(BASE + "/releases")
	@Operation(
			summary = "The planning board: releases with capacity, planned points and items; sprints; unplanned items")
	PlanningService.Board board(@PathVariable String productKey) {
		return planning.board(productKey);
	}

	@PostMapping(BASE + "/releases")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Add a release (capacity in points, or capacityFromSprints: the sum of its sprints')")
	ResponseEntity<ReleaseView> createRelease(@PathVariable String productKey, @Valid @RequestBody ReleaseBody body) {
		ReleaseView r = planning.createRelease(productKey, body.name(), body.targetDate(), body.capacity(),
				Boolean.TRUE.equals(body.capacityFromSprints()));
		return ResponseEntity.created(URI.create("/api/v1/products/" + productKey + "/releases/" + r.id()))
			.eTag(Etags.of(r.version()))
			.body(r);
	}

	@GetMapping(BASE + "/releases/{id}")
	@Operation(summary = "One release with its items")
	ResponseEntity<ReleaseView> release(@PathVariable String productKey, @PathVariable long id) {
		ReleaseView r = planning.release(productKey, id);
		return ResponseEntity.ok().eTag(Etags.of(r.version())).body(r);
	}

	@PutMapping(BASE + "/releases/{id}")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Change a release (If-Match required)")
	ResponseEntity<ReleaseView> updateRelease(@PathVariable String productKey, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @Valid @RequestBody ReleaseBody body) {
		ReleaseView r = planning.updateRelease(productKey, id, body.name(), body.targetDate(), body.capacity(),
				Boolean.TRUE.equals(body.capacityFromSprints()), body.status(), Etags.versionFrom(ifMatch));
		return ResponseEntity.ok().eTag(Etags.of(r.version())).body(r);
	}

	@DeleteMapping(BASE + "/releases/{id}")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Delete a release; its items become unplanned")
	ResponseEntity<Void> deleteRelease(@PathVariable String productKey, @PathVariable long id) {
		planning.deleteRelease(productKey, id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping(BASE + "/sprints")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Add a sprint (dates, capacity, goal, optionally in a release)")
	ResponseEntity<SprintView> createSprint(@PathVariable String productKey, @Valid @RequestBody SprintBody body) {
		SprintView s = planning.createSprint(productKey, body.name(), body.start(), body.end(), body.capacity(),
				body.goal(), body.releaseId());
		return ResponseEntity.created(URI.create("/api/v1/products/" + productKey + "/sprints/" + s.id())).body(s);
	}

	@GetMapping(BASE + "/sprints/{id}")
	@Operation(summary = "One sprint (its ETag is the version a change sends in If-Match)")
	ResponseEntity<SprintView> sprint(@PathVariable String productKey, @PathVariable long id) {
		SprintView s = sprints.sprint(productKey, id);
		return ResponseEntity.ok().eTag(Etags.of(s.version())).body(s);
	}

	@PutMapping(BASE + "/sprints/{id}")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Change a sprint's name, dates, capacity and goal (If-Match required)",
			description = "A closed sprint keeps its dates and capacity (409); its name and goal may change."
					+ " The sprint's release is not changed here.")
	ResponseEntity<SprintView> updateSprint(@PathVariable String productKey, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@Valid @RequestBody SprintChangeBody body) {
		SprintView s = sprints.update(productKey, id,
				new SprintEdits.Change(body.name(), body.start(), body.end(), body.capacity(), body.goal()),
				Etags.versionFrom(ifMatch));
		return ResponseEntity.ok().eTag(Etags.of(s.version())).body(s);
	}

	@DeleteMapping(BASE + "/sprints/{id}")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Delete a sprint")
	ResponseEntity<Void> deleteSprint(@PathVariable String productKey, @PathVariable long id) {
		planning.deleteSprint(productKey, id);
		return ResponseEntity.noContent().build();
	}

	@PutMapping(BASE + "/items/{itemKey}/release")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Plan an item for a release (and sprint); both null unplans it")
	ResponseEntity<Void> assign(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@PathVariable String itemKey, @Valid @RequestBody AssignBody body) {
		planning.assign(ItemKey.inProduct(productKey, itemKey), body.releaseId(), body.sprintId(), user.id());
		return ResponseEntity.noContent().build();
	}

	@GetMapping(BASE + "/plans")
	@Operation(summary = "Optimizer runs, newest first")
	List<PlanView> plans(@PathVariable String productKey) {
		return plans.list(productKey);
	}

	@PostMapping(BASE + "/plans")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Start the optimizer (answers 202 at once; follow the plan for progress and the result)")
	ResponseEntity<PlanView> start(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@Valid @RequestBody PlanSettings settings) {
		PlanView p = plans.start(productKey, settings, user.id());
		return ResponseEntity.accepted()
			.location(URI.create("/api/v1/products/" + productKey + "/plans/" + p.id()))
			.body(p);
	}

	@GetMapping(BASE + "/plans/{id}")
	@Operation(summary = "A plan: state, progress (best value, bound), and its result with explanations")
	PlanView plan(@PathVariable String productKey, @PathVariable long id) {
		return plans.get(productKey, id);
	}

	@PostMapping(BASE + "/plans/{id}/cancel")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Stop a running plan; the best plan so far is kept")
	PlanView cancel(@PathVariable String productKey, @PathVariable long id) {
		return plans.cancel(productKey, id);
	}

	@PostMapping(BASE + "/plans/{id}/apply")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Assign the plan's items to their releases in one change",
			description = "When the plan would take items out of their sprints (the plan's sprintChanges), say what to do"
					+ " with them in sprintItems: KEEP (every item in a sprint stays where it is), KEEP_STARTED (items of"
					+ " started sprints stay) or MOVE (they move as planned); without it the answer is 409 naming them.")
	PlanView apply(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey, @PathVariable long id,
			@RequestBody(required = false) ApplyBody body) {
		return plans.apply(productKey, id, body == null ? null : body.sprintItems(), user.id());
	}

	@PostMapping(BASE + "/plans/{id}/undo")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Put back the assignments an applied plan replaced")
	PlanView undo(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey, @PathVariable long id) {
		return plans.undo(productKey, id, user.id());
	}

	@GetMapping(BASE + "/plans/{id}/compare/{other}")
	@Operation(summary = "Two plans side by side: value, items in and out, capacity use")
	PlanComparison compare(@PathVariable String productKey, @PathVariable long id, @PathVariable long other) {
		return PlanComparison.of(plans.get(productKey, id), plans.get(productKey, other));
	}

}
