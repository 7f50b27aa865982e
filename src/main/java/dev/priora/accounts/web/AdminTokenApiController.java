package dev.priora.accounts.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.priora.accounts.ApiTokens;
import dev.priora.accounts.OwnedToken;
import dev.priora.accounts.SignedInUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Everyone's API tokens, for the workspace admin: list and revoke. */
@RestController
@Tag(name = "Tokens")
class AdminTokenApiController {

	private final ApiTokens tokens;

	AdminTokenApiController(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@GetMapping("/api/v1/admin/tokens")
	@Operation(summary = "Everyone's tokens, newest first, without secrets (admin)")
	List<OwnedToken> list() {
		return tokens.allTokens();
	}

	@DeleteMapping("/api/v1/admin/tokens/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke anyone's token (admin); it stops working at once, audited")
	void revoke(@AuthenticationPrincipal SignedInUser admin, @PathVariable long id) {
		tokens.revokeAnyToken(id, admin.id());
	}

}
