package dev.priora.roadmap.web;

import java.net.URI;
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
import dev.priora.roadmap.RoadmapService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Goal, objectives, alignment, the roadmap and its shared links. */
@RestController
@Tag(name = "Roadmap")
class RoadmapApiController {

	private static final String BASE = "/api/v1/products/{productKey}";

	private final RoadmapService roadmap;

	RoadmapApiController(RoadmapService roadmap) {
		this.roadmap = roadmap;
	}

	record GoalBody(@NotNull @Size(max = 2000) String goal) {
	}

	record ObjectiveBody(@NotNull @Size(max = 200) String title, @Size(max = 4000) String description,
			@Size(max = 20) List<@Size(max = 300) String> keyResults, @Size(max = 200) String target) {
	}

	record AlignBody(@NotNull @Size(max = 50) List<@NotNull Long> objectives) {
	}

	record ShareBody(Integer days, String name) {
	}

	record Shared(String url) {
	}

	@GetMapping(BASE + "/roadmap")
	@Operation(
			summary = "Vision, goal, objectives, the now/next/later board (objective= filters) and the timeline with forecast dates")
	RoadmapService.Roadmap roadmap(@PathVariable String productKey, @RequestParam(required = false) Long objective) {
		return roadmap.roadmap(productKey, objective);
	}

	@PutMapping(BASE + "/goal")
	@Requires(Permission.MANAGE_ROADMAP)
	@Operation(summary = "Set the product goal")
	ResponseEntity<Void> goal(@PathVariable String productKey, @Valid @RequestBody GoalBody body) {
		roadmap.setGoal(productKey, body.goal());
		return ResponseEntity.noContent().build();
	}

	@GetMapping(BASE + "/objectives")
	@Operation(summary = "Objectives with their key results and aligned items")
	List<RoadmapService.Objective> objectives(@PathVariable String productKey) {
		return roadmap.objectives(productKey);
	}

	@PostMapping(BASE + "/objectives")
	@Requires(Permission.MANAGE_ROADMAP)
	@Operation(summary = "Add an objective (a theme or an OKR with key results and a target)")
	ResponseEntity<RoadmapService.Objective> createObjective(@PathVariable String productKey,
			@Valid @RequestBody ObjectiveBody body) {
		var o = roadmap.createObjective(productKey, body.title(), body.description(), body.keyResults(), body.target());
		return ResponseEntity.created(URI.create("/api/v1/products/" + productKey + "/objectives/" + o.id())).body(o);
	}

	@DeleteMapping(BASE + "/objectives/{id}")
	@Requires(Permission.MANAGE_ROADMAP)
	@Operation(summary = "Delete an objective")
	ResponseEntity<Void> deleteObjective(@PathVariable String productKey, @PathVariable long id) {
		roadmap.deleteObjective(productKey, id);
		return ResponseEntity.noContent().build();
	}

	@PutMapping(BASE + "/items/{itemKey}/objectives")
	@Requires(Permission.MANAGE_ROADMAP)
	@Operation(summary = "Align an item (or epic) with these objectives")
	ResponseEntity<Void> align(@PathVariable String productKey, @PathVariable String itemKey,
			@Valid @RequestBody AlignBody body) {
		roadmap.align(ItemKey.inProduct(productKey, itemKey), body.objectives());
		return ResponseEntity.noContent().build();
	}

	@GetMapping(BASE + "/alignment")
	@Operation(summary = "Each objective's share of planned and of delivered points; planned items aligned to none")
	RoadmapService.AlignmentReport alignment(@PathVariable String productKey) {
		return roadmap.alignment(productKey);
	}

	record CommentBody(@Size(max = 120) String entry, @NotNull @Size(max = 4000) String body) {
	}

	@GetMapping(BASE + "/roadmap/comments")
	@Operation(summary = "Comments on roadmap entries and the manager's feedback, newest first")
	List<RoadmapService.Comment> comments(@PathVariable String productKey) {
		return roadmap.comments(productKey);
	}

	@PostMapping(BASE + "/roadmap/comments")
	@Requires(Permission.COMMENT)
	@Operation(summary = "Comment on a roadmap entry (an item key, a release name, or empty for the roadmap)")
	ResponseEntity<RoadmapService.Comment> comment(@AuthenticationPrincipal SignedInUser user,
			@PathVariable String productKey, @Valid @RequestBody CommentBody body) {
		return ResponseEntity.status(201)
			.body(roadmap.comment(productKey, body.entry(), body.body(), false, user.id()));
	}

	@PostMapping(BASE + "/roadmap/feedback")
	@Requires(Permission.MANAGE_ROADMAP)
	@Operation(summary = "Record the product manager's feedback on the roadmap")
	ResponseEntity<RoadmapService.Comment> feedback(@AuthenticationPrincipal SignedInUser user,
			@PathVariable String productKey, @Valid @RequestBody CommentBody body) {
		return ResponseEntity.status(201).body(roadmap.comment(productKey, body.entry(), body.body(), true, user.id()));
	}

	record NotesBody(@NotNull @Size(max = 100_000) String markdown) {
	}

	@GetMapping(BASE + "/releases/{id}/release-notes")
	@Operation(summary = "Release notes: a Markdown draft from the release's done items and the published text")
	RoadmapService.ReleaseNotes releaseNotes(@PathVariable String productKey, @PathVariable long id) {
		return roadmap.releaseNotes(productKey, id);
	}

	@PutMapping(BASE + "/releases/{id}/release-notes")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Publish the release notes as edited")
	RoadmapService.ReleaseNotes publishNotes(@AuthenticationPrincipal SignedInUser user,
			@PathVariable String productKey, @PathVariable long id, @Valid @RequestBody NotesBody body) {
		return roadmap.publishReleaseNotes(productKey, id, body.markdown(), user.id());
	}

	@PostMapping(BASE + "/roadmap/links")
	@Requires(Permission.MANAGE_ROADMAP)
	@Operation(summary = "Make a read-only roadmap link for stakeholders (optionally named, and expiring after days); "
			+ "shown once")
	ResponseEntity<Shared> share(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@Valid @RequestBody(required = false) ShareBody body) {
		String secret = roadmap.share(productKey, body == null ? null : body.name(), body == null ? null : body.days(),
				user.id());
		return ResponseEntity.status(201).body(new Shared("/r/" + secret));
	}

	@GetMapping(BASE + "/roadmap/links")
	@Operation(summary = "The product's roadmap links (without secrets)")
	List<RoadmapService.Link> links(@PathVariable String productKey) {
		return roadmap.links(productKey);
	}

	@DeleteMapping(BASE + "/roadmap/links/{id}")
	@Requires(Permission.MANAGE_ROADMAP)
	@Operation(summary = "Revoke a roadmap link; it stops working at once")
	ResponseEntity<Void> revoke(@PathVariable String productKey, @PathVariable long id) {
		roadmap.revoke(productKey, id);
		return ResponseEntity.noContent().build();
	}

}
