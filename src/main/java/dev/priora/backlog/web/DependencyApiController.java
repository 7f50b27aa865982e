package dev.priora.backlog.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.priora.accounts.Permission;
import dev.priora.accounts.Requires;
import dev.priora.accounts.SignedInUser;
import dev.priora.backlog.DependencyKind;
import dev.priora.backlog.DependencyService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Dependencies between items; a cycle is refused with 409 and named. */
@RestController
@RequestMapping("/api/v1/products/{productKey}/items/{itemKey}/dependencies")
@Tag(name = "Dependencies")
class DependencyApiController {

	private final DependencyService dependencies;

	DependencyApiController(DependencyService dependencies) {
		this.dependencies = dependencies;
	}

	record LinkBody(@NotNull DependencyKind kind, @NotBlank @Size(max = 30) String target) {
	}

	@GetMapping
	@Operation(summary = "What the item waits on, what waits on it and what it relates to, with each one's status")
	BacklogJson.Links list(@PathVariable String productKey, @PathVariable String itemKey) {
		return BacklogJson.Links.of(dependencies.links(ItemKeys.inPath(productKey, itemKey)));
	}

	@PostMapping
	@Requires(Permission.EDIT_BACKLOG)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add 'depends on' (the target must be done first) or 'relates to'")
	BacklogJson.Links add(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@PathVariable String itemKey, @Valid @RequestBody LinkBody body) {
		return BacklogJson.Links.of(dependencies.add(ItemKeys.inPath(productKey, itemKey), body.kind(),
				ItemKeys.field("target", productKey, body.target()), user.id()));
	}

	@DeleteMapping("/{kind}/{target}")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Remove a link")
	BacklogJson.Links remove(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@PathVariable String itemKey, @PathVariable DependencyKind kind, @PathVariable String target) {
		return BacklogJson.Links.of(dependencies.remove(ItemKeys.inPath(productKey, itemKey), kind,
				ItemKeys.inPath(productKey, target), user.id()));
	}

}
