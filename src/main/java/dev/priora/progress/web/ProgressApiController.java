package dev.priora.progress.web;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.priora.accounts.Permission;
import dev.priora.accounts.Requires;
import dev.priora.accounts.SignedInUser;
import dev.priora.csv.CsvWriter;
import dev.priora.progress.ProgressService;
import dev.priora.progress.SprintReview;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Sprint runs, burndown (JSON and CSV), release progress with its forecast, and
 * decisions.
 */
@RestController
@Tag(name = "Progress")
class ProgressApiController {

	private static final String BASE = "/api/v1/products/{productKey}";

	private final ProgressService progress;

	private final SprintReview review;

	ProgressApiController(ProgressService progress, SprintReview review) {
		this.progress = progress;
		this.review = review;
	}

	record StartBody(Boolean force) {
	}

	record CloseBody(Long nextSprintId) {
	}

	record DecisionBody(@NotNull @Size(max = 10) String decision, @Size(max = 2000) String note) {
	}

	@GetMapping(BASE + "/sprint-runs")
	@Operation(summary = "Every sprint with its state, committed and completed points, and spillover")
	List<ProgressService.SprintRun> sprints(@PathVariable String productKey) {
		return progress.sprints(productKey);
	}

	@PostMapping(BASE + "/sprints/{id}/start")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Start a sprint (its items must be ready unless force is true)")
	ProgressService.SprintRun start(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@PathVariable long id, @Valid @RequestBody(required = false) StartBody body) {
		return progress.start(productKey, id, body != null && Boolean.TRUE.equals(body.force()), user.id());
	}

	@PostMapping(BASE + "/sprints/{id}/close")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Close the running sprint; unfinished items are recorded as spillover and move on")
	ProgressService.SprintRun close(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@PathVariable long id, @Valid @RequestBody(required = false) CloseBody body) {
		return progress.close(productKey, id, body == null ? null : body.nextSprintId(), user.id());
	}

	@GetMapping(BASE + "/sprints/{id}/burndown")
	@Operation(summary = "Points not done at the end of each sprint day")
	List<ProgressService.BurndownDay> burndown(@PathVariable String productKey, @PathVariable long id) {
		return progress.burndown(productKey, id);
	}

	@GetMapping(value = BASE + "/sprints/{id}/burndown.csv", produces = "text/csv")
	@Operation(summary = "The burndown as CSV (day, remaining, scope, added, removed, added items, removed items)")
	ResponseEntity<String> burndownCsv(@PathVariable String productKey, @PathVariable long id) {
		return CsvWriter.response(
				List.of("day", "remaining", "scope", "added", "removed", "added_items", "removed_items"),
				progress.burndown(productKey, id)
					.stream()
					.map(d -> List.<Object>of(d.day(), d.remaining(), d.scope(), d.added(), d.removed(),
							String.join(" ", d.addedItems()), String.join(" ", d.removedItems())))
					.toList());
	}

	@GetMapping(value = BASE + "/releases/{id}/burnup.csv", produces = "text/csv")
	@Operation(summary = "The release burnup as CSV: scope and done points at the close of each sprint and now")
	ResponseEntity<String> burnupCsv(@PathVariable String productKey, @PathVariable long id) {
		return CsvWriter.response(List.of("at", "time", "scope", "done"),
				progress.release(productKey, id)
					.burnup()
					.stream()
					.map(b -> List.<Object>of(b.label(), b.at(), b.scope(), b.done()))
					.toList());
	}

	record ReviewBody(@NotNull @Size(max = 30) String item, @NotNull Boolean accepted, @Size(max = 2000) String reason,
			@Size(max = 100) List<@NotNull Integer> criteriaMet) {
	}

	@PostMapping(BASE + "/sprints/{id}/review")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(
			summary = "Accept a done item (every criterion ticked in criteriaMet, 0-based) or reject it with a reason",
			description = "A rejected item goes back to the backlog (ready, out of the sprint) with the reason in its history.")
	SprintReview.Verdict review(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@PathVariable long id, @Valid @RequestBody ReviewBody body) {
		return review.review(productKey, id, body.item(), body.accepted(), body.reason(), body.criteriaMet(),
				user.id());
	}

	@GetMapping(BASE + "/sprints/{id}/review")
	@Operation(summary = "The sprint review's verdicts so far")
	List<SprintReview.Verdict> verdicts(@PathVariable String productKey, @PathVariable long id) {
		return review.verdicts(productKey, id);
	}

	@GetMapping(BASE + "/forecast")
	@Operation(
			summary = "Forecast an epic's unfinished items (epic=KEY) or everything up to an item in backlog order (above=KEY)")
	ProgressService.ScopeForecast forecast(@PathVariable String productKey,
			@org.springframework.web.bind.annotation.RequestParam(required = false) String epic,
			@org.springframework.web.bind.annotation.RequestParam(required = false) String above) {
		return progress.forecastScope(productKey, key(productKey, "epic", epic), key(productKey, "above", above));
	}

	private static dev.priora.backlog.ItemKey key(String productKey, String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return dev.priora.backlog.ItemKey.inProduct(productKey, text);
		}
		catch (dev.priora.problem.DomainProblem e) {
			throw dev.priora.problem.DomainProblem.invalid(field, "'" + text + "' is no item key of " + productKey);
		}
	}

	@GetMapping(BASE + "/velocity")
	@Operation(summary = "Completed points of closed sprints, oldest first")
	List<BigDecimal> velocity(@PathVariable String productKey) {
		return progress.velocities(productKey);
	}

	@GetMapping(BASE + "/releases/{id}/progress")
	@Operation(
			summary = "Scope, done, remaining, risks, the forecast (50/85/95 % dates, chance of the target) and its flag")
	ProgressService.ReleaseProgress releaseProgress(@PathVariable String productKey, @PathVariable long id) {
		return progress.release(productKey, id);
	}

	@GetMapping(BASE + "/release-forecasts")
	@Operation(summary = "Every unreleased release's forecast in sequence",
			description = "The team works through the releases in order (target date, then creation): a release's"
					+ " remaining work starts after that of the releases before it (before, after), in the same trials.")
	List<ProgressService.ReleaseForecast> releaseForecasts(@PathVariable String productKey) {
		return progress.releaseForecasts(productKey);
	}

	@GetMapping(BASE + "/plans/{id}/forecasts")
	@Operation(
			summary = "The odds of an optimizer's plan: every unreleased release as the plan would leave it,"
					+ " forecast in sequence (50/85/95 % dates, chance of the target, flag)",
			description = "409 while the plan has no result yet.")
	List<ProgressService.ReleaseForecast> planForecasts(@PathVariable String productKey, @PathVariable long id) {
		return progress.planForecasts(productKey, id);
	}

	@PostMapping(BASE + "/releases/{id}/decisions")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Record a CONTINUE or GO_BACK decision with a note")
	ResponseEntity<Void> decide(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@PathVariable long id, @Valid @RequestBody DecisionBody body) {
		progress.decide(productKey, id, body.decision(), body.note(), user.id());
		return ResponseEntity.noContent().build();
	}

}
