package dev.priora.portal.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.priora.accounts.Permission;
import dev.priora.accounts.Requires;
import dev.priora.accounts.SignedInUser;
import dev.priora.portal.TeamReplies;
import dev.priora.portal.TeamReply;
import dev.priora.problem.Etags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The team's replies to visitors on an idea, as JSON. */
@RestController
@RequestMapping("/api/v1/products/{productKey}/portal/ideas/{id}/replies")
@Tag(name = "Customer portal")
class PortalReplyApiController {

	/** A reply's text: Markdown, 1 to 5,000 characters. */
	record ReplyBody(String body) {
	}

	private final TeamReplies replies;

	PortalReplyApiController(TeamReplies replies) {
		this.replies = replies;
	}

	@GetMapping
	@Operation(summary = "The team's replies on the idea, oldest first")
	List<TeamReply> list(@PathVariable String productKey, @PathVariable long id) {
		return replies.list(productKey, id);
	}

	@PostMapping
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Reply to the visitors as the team (shown with your name and a Team badge; the idea's "
			+ "followers are mailed)")
	ResponseEntity<TeamReply> post(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@PathVariable long id, @RequestBody ReplyBody body) {
		TeamReply reply = replies.post(productKey, id, body.body(), user.id());
		return ResponseEntity.status(HttpStatus.CREATED)
			.location(URI.create("/api/v1/products/" + productKey + "/portal/ideas/" + id + "/replies/" + reply.id()))
			.eTag(Etags.of(reply.version()))
			.body(reply);
	}

	@GetMapping("/{replyId}")
	@Operation(summary = "One reply")
	ResponseEntity<TeamReply> get(@PathVariable String productKey, @PathVariable long id, @PathVariable long replyId) {
		TeamReply reply = replies.get(productKey, id, replyId);
		return ResponseEntity.ok().eTag(Etags.of(reply.version())).body(reply);
	}

	@PutMapping("/{replyId}")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Replace a reply's text (If-Match required; 404 first for a reply not on the idea); "
			+ "followers are not mailed again")
	ResponseEntity<TeamReply> put(@PathVariable String productKey, @PathVariable long id, @PathVariable long replyId,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody ReplyBody body) {
		replies.get(productKey, id, replyId);
		TeamReply reply = replies.edit(productKey, id, replyId, body.body(), Etags.versionFrom(ifMatch));
		return ResponseEntity.ok().eTag(Etags.of(reply.version())).body(reply);
	}

	@DeleteMapping("/{replyId}")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Delete a reply")
	ResponseEntity<Void> delete(@PathVariable String productKey, @PathVariable long id, @PathVariable long replyId) {
		replies.delete(productKey, id, replyId);
		return ResponseEntity.noContent().build();
	}

}
