package dev.priora.accounts.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.priora.accounts.ApiTokenView;
import dev.priora.accounts.ApiTokens;
import dev.priora.accounts.ProductRoles;
import dev.priora.accounts.SignedInUser;
import dev.priora.accounts.TokenScope;
import dev.priora.accounts.TwoFactor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Personal API tokens: create (HTTP Basic or bearer), list and revoke. */
@RestController
@RequestMapping("/api/v1/tokens")
@Tag(name = "Tokens")
class TokenApiController {

	private final ApiTokens tokens;

	private final ProductRoles roles;

	private final TwoFactor twoFactor;

	TokenApiController(ApiTokens tokens, ProductRoles roles, TwoFactor twoFactor) {
		this.tokens = tokens;
		this.roles = roles;
		this.twoFactor = twoFactor;
	}

	record CreateTokenRequest(@NotBlank @Size(max = 100) String name, Boolean readOnly, Boolean intakeOnly,
			@Size(max = 50) List<@NotBlank @Size(max = 10) String> products, LocalDate expiresOn) {
	}

	record CreatedTokenResponse(long id, String name, String token, boolean readOnly, boolean intakeOnly,
			List<String> products, Instant expiresAt) {
	}

	@PostMapping
	@Operation(summary = "Create a personal token",
			description = "Authenticate with HTTP Basic (email and password) or a bearer token. The token is shown only "
					+ "in this answer. readOnly, intakeOnly (may only submit feedback) and products narrow it; it never "
					+ "exceeds your roles. expiresOn (a date, UTC) makes it stop working after that day. With HTTP Basic, a user with two-factor sign-in also sends a current code (or "
					+ "a recovery code) in the X-Priora-Two-Factor-Code header.")
	ResponseEntity<CreatedTokenResponse> create(@AuthenticationPrincipal SignedInUser user,
			@Valid @RequestBody(required = false) CreateTokenRequest request,
			@RequestHeader(name = TwoFactor.CODE_HEADER, required = false) String code,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			twoFactor.checkPasswordOnlyCaller(user.id(), code);
		}
		String name = request == null ? "api" : request.name();
		TokenScope scope = TokenScopes.of(user, roles, request != null && Boolean.TRUE.equals(request.readOnly()),
				request != null && Boolean.TRUE.equals(request.intakeOnly()),
				request == null || request.products() == null ? List.of() : request.products());
		var created = tokens.createToken(user.id(), name, scope, request == null ? null : request.expiresOn());
		var t = created.token();
		return ResponseEntity.created(URI.create("/api/v1/tokens/" + t.id()))
			.body(new CreatedTokenResponse(t.id(), t.name(), created.secret(), t.readOnly(), t.intakeOnly(),
					t.products(), t.expiresAt()));
	}

	@GetMapping
	@Operation(summary = "List your tokens (without secrets)")
	List<ApiTokenView> list(@AuthenticationPrincipal SignedInUser user) {
		return tokens.tokens(user.id());
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke a token; it stops working at once")
	void revoke(@AuthenticationPrincipal SignedInUser user, @PathVariable long id) {
		tokens.revokeToken(user.id(), id);
	}

	/**
	 * Builds token scopes, refusing products the user cannot see and scopes wider than
	 * the calling token's.
	 */
	static final class TokenScopes {

		private TokenScopes() {
		}

		static TokenScope of(SignedInUser user, ProductRoles roles, boolean readOnly, boolean intakeOnly,
				List<String> products) {
			if (readOnly && intakeOnly) {
				throw new org.springframework.web.ErrorResponseException(HttpStatus.BAD_REQUEST,
						problem("intakeOnly", "a token is read-only or intake-only, not both"), null);
			}
			Set<String> keys = new HashSet<>();
			for (String p : products) {
				String key = p.strip().toUpperCase(Locale.ROOT);
				if (!roles.canSee(user, key)) {
					throw new org.springframework.web.ErrorResponseException(HttpStatus.BAD_REQUEST,
							problem("products", "you hold no role in " + key), null);
				}
				keys.add(key);
			}
			TokenScope caller = user.scope();
			if (!caller.productKeys().isEmpty() && keys.isEmpty()) {
				keys.addAll(caller.productKeys());
			}
			boolean intake = intakeOnly || caller.intakeOnly();
			return new TokenScope(!intake && (readOnly || caller.readOnly()), intake, keys);
		}

		private static org.springframework.http.ProblemDetail problem(String field, String reason) {
			var p = org.springframework.http.ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					field + ": " + reason);
			p.setProperty("errors", List.of(java.util.Map.of("field", field, "reason", reason)));
			return p;
		}

	}

}
