package dev.priora.accounts.web;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.priora.accounts.AccountService;
import dev.priora.accounts.ApiTokenView;
import dev.priora.accounts.SignedInUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Personal API tokens: create (HTTP Basic or bearer), list and revoke. */
@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "Tokens")
class TokenApiController {

	private final AccountService accounts;

	TokenApiController(AccountService accounts) {
		this.accounts = accounts;
	}

	record CreateTokenRequest(@NotBlank @Size(max = 100) String name) {
	}

	record CreatedTokenResponse(long id, String name, String token) {
	}

	@PostMapping
	@Operation(summary = "Create a personal token",
			description = "Authenticate with HTTP Basic (email and password) or a bearer token. The token is shown only in this answer.")
	ResponseEntity<CreatedTokenResponse> create(@AuthenticationPrincipal SignedInUser user,
			@Valid @RequestBody(required = false) CreateTokenRequest request) {
		String name = request == null ? "api" : request.name();
		var created = accounts.createToken(user.id(), name);
		return ResponseEntity.created(URI.create("/api/v1/tokens/" + created.token().id()))
			.body(new CreatedTokenResponse(created.token().id(), created.token().name(), created.secret()));
	}

	@GetMapping
	@Operation(summary = "List your tokens (without secrets)")
	List<ApiTokenView> list(@AuthenticationPrincipal SignedInUser user) {
		return accounts.tokens(user.id());
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke a token; it stops working at once")
	void revoke(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
		accounts.revokeToken(user.id(), id);
	}

}
