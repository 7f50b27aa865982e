package dev.priora.accounts.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.priora.accounts.MemberView;
import dev.priora.accounts.Permission;
import dev.priora.accounts.ProductRole;
import dev.priora.accounts.ProductRoles;
import dev.priora.accounts.Requires;
import dev.priora.accounts.SignedInUser;
import dev.priora.accounts.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Who holds which role in a product. */
@RestController
@RequestMapping("/api/v1/products/{productKey}/members")
@Tag(name = "Members")
class MemberApiController {

	private final ProductRoles roles;

	MemberApiController(ProductRoles roles) {
		this.roles = roles;
	}

	record Grant(@NotBlank @Size(max = 320) String email, @NotNull ProductRole role) {
	}

	@GetMapping
	@Operation(summary = "The product's members and their roles")
	List<MemberView> list(@PathVariable String productKey) {
		return roles.members(productKey.toUpperCase(java.util.Locale.ROOT));
	}

	@PutMapping
	@Requires(Permission.MANAGE_PRODUCT)
	@Operation(summary = "Give a user a role in the product (owner)")
	MemberView grant(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@Valid @RequestBody Grant body) {
		return roles.grant(productKey.toUpperCase(java.util.Locale.ROOT), body.email(), body.role(), user.id());
	}

	@DeleteMapping("/{userId}")
	@Requires(Permission.MANAGE_PRODUCT)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a user's role (owner); the last owner stays")
	void revoke(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@PathVariable long userId) {
		roles.revoke(productKey.toUpperCase(java.util.Locale.ROOT), new UserId(userId), user.id());
	}

}
