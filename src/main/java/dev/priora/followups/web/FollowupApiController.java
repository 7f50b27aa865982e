package dev.priora.followups.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
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
import dev.priora.followups.FollowupStatus;
import dev.priora.followups.FollowupView;
import dev.priora.followups.Followups;
import dev.priora.problem.Etags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Messages to the customers who asked for what shipped: list, edit, send in one go,
 * dismiss, mark as told in person, and automatic sending.
 */
@RestController
@Tag(name = "Customer follow-ups")
class FollowupApiController {

	private static final String BASE = "/api/v1/products/{productKey}/followups";

	private final Followups followups;

	FollowupApiController(Followups followups) {
		this.followups = followups;
	}

	record EditBody(@Size(max = 300) String subject, @Size(max = Followups.MAX_BODY) String body) {
	}

	record SendBody(@NotNull @Size(min = 1, max = Followups.MAX_SEND) List<@NotNull Long> ids) {
	}

	record Sent(int sent) {
	}

	record Settings(@NotNull Boolean autoSend) {
	}

	@GetMapping(BASE)
	@Operation(summary = "The product's messages to customers, newest first; status filters (DRAFT, SENT,"
			+ " DISMISSED, MANUAL)")
	List<FollowupView> list(@PathVariable String productKey, @RequestParam(required = false) FollowupStatus status) {
		return followups.list(productKey, status);
	}

	@GetMapping(BASE + "/{id}")
	@Operation(summary = "One message, with its ETag")
	ResponseEntity<FollowupView> get(@PathVariable String productKey, @PathVariable long id) {
		FollowupView v = followups.get(productKey, id);
		return ResponseEntity.ok().eTag(Etags.of(v.version())).body(v);
	}

	@PatchMapping(BASE + "/{id}")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Edit a draft's subject and body (If-Match required; a field left out is kept)")
	ResponseEntity<FollowupView> edit(@PathVariable String productKey, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @Valid @RequestBody EditBody body) {
		FollowupView v = followups.edit(productKey, id, body.subject(), body.body(), Etags.versionFrom(ifMatch));
		return ResponseEntity.ok().eTag(Etags.of(v.version())).body(v);
	}

	@PostMapping(BASE + "/send")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "E-mail these drafts in one go (all or none: 409 when one is no draft or has no address)")
	Sent send(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@Valid @RequestBody SendBody body) {
		return new Sent(followups.send(productKey, body.ids(), user.id()));
	}

	@PostMapping(BASE + "/{id}/dismiss")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Dismiss a draft: nobody is told")
	FollowupView dismiss(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@PathVariable long id) {
		return followups.dismiss(productKey, id, user.id());
	}

	@PostMapping(BASE + "/{id}/told")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Record that the person was told in person (for people without an e-mail address)")
	FollowupView told(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@PathVariable long id) {
		return followups.told(productKey, id, user.id());
	}

	@GetMapping(BASE + "/settings")
	@Operation(summary = "Whether drafts are sent as soon as they are made")
	Settings settings(@PathVariable String productKey) {
		return new Settings(followups.autoSend(productKey));
	}

	@PutMapping(BASE + "/settings")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Turn automatic sending on or off")
	Settings settings(@PathVariable String productKey, @Valid @RequestBody Settings body) {
		followups.autoSend(productKey, body.autoSend());
		return new Settings(followups.autoSend(productKey));
	}

}
