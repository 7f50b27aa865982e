package dev.priora.backlog.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.priora.accounts.Permission;
import dev.priora.accounts.Requires;
import dev.priora.accounts.SignedInUser;
import dev.priora.backlog.CommentService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Comments on items. */
@RestController
@Tag(name = "Items")
class CommentApiController {

	private final CommentService comments;

	CommentApiController(CommentService comments) {
		this.comments = comments;
	}

	record CommentBody(@NotBlank @Size(max = CommentService.MAX_LENGTH) String body) {
	}

	@GetMapping("/api/v1/products/{productKey}/items/{itemKey}/comments")
	@Operation(summary = "The item's comments, oldest first (imported ones keep their author, date and source)")
	List<CommentService.Comment> list(@PathVariable String productKey, @PathVariable String itemKey) {
		return comments.comments(ItemKeys.inPath(productKey, itemKey));
	}

	@PostMapping("/api/v1/products/{productKey}/items/{itemKey}/comments")
	@Requires(Permission.COMMENT)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Comment on the item (Markdown)")
	CommentService.Comment add(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@PathVariable String itemKey, @Valid @RequestBody CommentBody body) {
		return comments.add(ItemKeys.inPath(productKey, itemKey), body.body(), user.id());
	}

}
