package dev.priora.progress.web;

import java.math.BigDecimal;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.priora.accounts.Permission;
import dev.priora.accounts.Requires;
import dev.priora.accounts.SignedInUser;
import dev.priora.backlog.ItemKey;
import dev.priora.progress.TeamService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The team, days off, assignees, workload and suggested assignees. */
@RestController
@Tag(name = "Team")
class TeamApiController {

	private static final String BASE = "/api/v1/products/{productKey}";

	private final TeamService team;

	TeamApiController(TeamService team) {
		this.team = team;
	}

	record MemberBody(@NotNull @Size(max = 100) String name, @Size(max = 320) String email,
			@NotNull BigDecimal capacity, @Size(max = 50) List<@Size(max = 50) String> skills) {
	}

	record DaysOffBody(@NotNull Long sprintId, @NotNull Integer days) {
	}

	record AssigneeBody(Long memberId) {
	}

	@GetMapping(BASE + "/team")
	@Operation(summary = "The team: members with capacity per sprint and skills")
	List<TeamService.Member> members(@PathVariable String productKey) {
		return team.members(productKey);
	}

	@PostMapping(BASE + "/team")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Add a member (capacity in points per sprint, skills as labels)")
	ResponseEntity<TeamService.Member> add(@PathVariable String productKey, @Valid @RequestBody MemberBody body) {
		return ResponseEntity.status(201)
			.body(team.add(productKey, body.name(), body.email(), body.capacity(), body.skills()));
	}

	@PutMapping(BASE + "/team/{id}")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Change a member's name, e-mail, capacity and skills (their assignments stay)")
	TeamService.Member update(@PathVariable String productKey, @PathVariable long id,
			@Valid @RequestBody MemberBody body) {
		return team.update(productKey, id, body.name(), body.email(), body.capacity(), body.skills());
	}

	@DeleteMapping(BASE + "/team/{id}")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Remove a member (their items become unassigned)")
	ResponseEntity<Void> remove(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@PathVariable long id) {
		team.remove(productKey, id, user.id());
		return ResponseEntity.noContent().build();
	}

	@PutMapping(BASE + "/team/{id}/days-off")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "A member's days off in a sprint (their capacity shrinks in proportion)")
	ResponseEntity<Void> daysOff(@PathVariable String productKey, @PathVariable long id,
			@Valid @RequestBody DaysOffBody body) {
		team.daysOff(productKey, id, body.sprintId(), body.days());
		return ResponseEntity.noContent().build();
	}

	@PutMapping(BASE + "/items/{itemKey}/assignee")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Assign the item to a member (memberId null clears it)")
	ResponseEntity<Void> assign(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@PathVariable String itemKey, @Valid @RequestBody AssigneeBody body) {
		team.assign(ItemKey.inProduct(productKey, itemKey), body.memberId(), user.id());
		return ResponseEntity.noContent().build();
	}

	@GetMapping(BASE + "/releases/{id}/workload")
	@Operation(summary = "Each member's open work in the release against capacity over its sprints (after days off)")
	List<TeamService.Load> releaseWorkload(@PathVariable String productKey, @PathVariable long id) {
		return team.releaseWorkload(productKey, id);
	}

	@GetMapping(BASE + "/sprints/{id}/workload")
	@Operation(summary = "Each member's open points in the sprint against capacity after days off")
	List<TeamService.Load> workload(@PathVariable String productKey, @PathVariable long id) {
		return team.workload(productKey, id);
	}

	@GetMapping(BASE + "/items/{itemKey}/suggested-assignees")
	@Operation(summary = "Members ranked for the item in a sprint: matching skills, capacity left, fewest open items")
	List<TeamService.Suggestion> suggest(@PathVariable String productKey, @PathVariable String itemKey,
			@RequestParam long sprint) {
		return team.suggest(ItemKey.inProduct(productKey, itemKey), sprint);
	}

}
