package dev.priora.portal.web;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.priora.accounts.Permission;
import dev.priora.accounts.Requires;
import dev.priora.accounts.SignedInUser;
import dev.priora.portal.CommentModeration;
import dev.priora.portal.CommentState;
import dev.priora.portal.HeldComment;
import dev.priora.portal.IdeaMerge;
import dev.priora.portal.IdeaModeration;
import dev.priora.portal.IdeaState;
import dev.priora.portal.IdeaStatus;
import dev.priora.portal.PortalSettings;
import dev.priora.portal.PortalSettingsDraft;
import dev.priora.portal.Portals;
import dev.priora.portal.PublicRoadmap;
import dev.priora.portal.TeamIdea;
import dev.priora.problem.Etags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The portal's settings and ideas for the team, as JSON. */
@RestController
@RequestMapping("/api/v1/products/{productKey}/portal")
@Tag(name = "Customer portal")
class PortalApiController {

	/** The settings to replace; a switch left out is off. */
	record SettingsBody(Boolean enabled, String title, String intro, String colour, Boolean privatePortal,
			List<String> allowedDomains, List<String> allowedEmails, List<String> categories, Boolean holdNewIdeas,
			Boolean holdNewComments, Map<IdeaStatus, String> statusNames) {

		PortalSettingsDraft draft() {
			return new PortalSettingsDraft(Boolean.TRUE.equals(enabled), title, intro, colour,
					Boolean.TRUE.equals(privatePortal), allowedDomains, allowedEmails, categories,
					Boolean.TRUE.equals(holdNewIdeas), Boolean.TRUE.equals(holdNewComments), statusNames);
		}

	}

	record StatusBody(IdeaStatus status, String reason) {
	}

	record StateBody(@NotNull IdeaState state) {
	}

	record MergeBody(@NotNull Long into) {
	}

	record CommentStateBody(@NotNull CommentState state) {
	}

	record PublicBody(@NotNull Boolean publicOnPortal) {
	}

	private final Portals portals;

	private final IdeaModeration moderation;

	private final IdeaMerge merges;

	private final CommentModeration comments;

	private final PublicRoadmap roadmap;

	PortalApiController(Portals portals, IdeaModeration moderation, IdeaMerge merges, CommentModeration comments,
			PublicRoadmap roadmap) {
		this.portals = portals;
		this.moderation = moderation;
		this.merges = merges;
		this.comments = comments;
		this.roadmap = roadmap;
	}

	@GetMapping
	@Operation(summary = "The portal's settings (a portal never saved is off)")
	ResponseEntity<PortalSettings> get(@PathVariable String productKey) {
		PortalSettings s = portals.get(productKey);
		return ResponseEntity.ok().eTag(Etags.of(s.version())).body(s);
	}

	@PutMapping
	@Requires(Permission.MANAGE_PRODUCT)
	@Operation(summary = "Replace the portal's settings (If-Match required)")
	ResponseEntity<PortalSettings> put(@PathVariable String productKey,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody SettingsBody body) {
		PortalSettings s = portals.update(productKey, body.draft(), Etags.versionFrom(ifMatch));
		return ResponseEntity.ok().eTag(Etags.of(s.version())).body(s);
	}

	@GetMapping("/ideas")
	@Operation(summary = "Every idea with its votes and the customers behind them (revenue, segments)")
	List<TeamIdea> ideas(@PathVariable String productKey) {
		return moderation.list(productKey);
	}

	@PutMapping("/ideas/{id}/status")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Set the status visitors see (null: follow the linked items); a decline needs a reason")
	TeamIdea status(@PathVariable String productKey, @PathVariable long id, @RequestBody StatusBody body) {
		return moderation.setStatus(productKey, id, body.status(), body.reason());
	}

	@PutMapping("/ideas/{id}/state")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Moderate: VISIBLE (approve), HELD or SPAM")
	TeamIdea state(@PathVariable String productKey, @PathVariable long id, @Valid @RequestBody StateBody body) {
		return moderation.moderate(productKey, id, body.state());
	}

	@PostMapping("/ideas/{id}/merge")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Merge a duplicate idea into another: votes, followers and comments move, each person "
			+ "counted once at their higher importance; answers the kept idea")
	TeamIdea merge(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey, @PathVariable long id,
			@Valid @RequestBody MergeBody body) {
		return merges.merge(productKey, id, body.into(), user.id());
	}

	@GetMapping("/comments")
	@Operation(summary = "Comments in a state (default HELD: waiting for review), newest first")
	List<HeldComment> comments(@PathVariable String productKey,
			@RequestParam(defaultValue = "HELD") CommentState state) {
		return comments.list(productKey, state);
	}

	@PutMapping("/comments/{id}/state")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Moderate a comment: VISIBLE (approve), HELD, REJECTED or SPAM")
	ResponseEntity<Void> commentState(@PathVariable String productKey, @PathVariable long id,
			@Valid @RequestBody CommentStateBody body) {
		comments.moderate(productKey, id, body.state());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/items/{itemKey}")
	@Operation(summary = "Whether the item is shown on the portal's public roadmap")
	PortalRoadmapController.PublicItem publicItem(@PathVariable String productKey, @PathVariable String itemKey) {
		boolean shown = roadmap.isPublic(productKey, itemKey);
		return new PortalRoadmapController.PublicItem(itemKey, shown);
	}

	@PutMapping("/items/{itemKey}")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Show the item on the portal's public roadmap, or stop (publicOnPortal)")
	PortalRoadmapController.PublicItem setPublic(@PathVariable String productKey, @PathVariable String itemKey,
			@Valid @RequestBody PublicBody body) {
		boolean shown = roadmap.setPublic(productKey, itemKey, body.publicOnPortal());
		return new PortalRoadmapController.PublicItem(itemKey, shown);
	}

}
