package dev.priora.accounts.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.priora.accounts.PasskeyView;
import dev.priora.accounts.Passkeys;
import dev.priora.accounts.SignedInUser;
import dev.priora.accounts.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Passkeys over the API: one's own (list, rename, remove) and the admin's (a user's list,
 * remove). Making a passkey or signing in with one is a browser ceremony, done through
 * Spring Security's WebAuthn endpoints, not here.
 */
@RestController
@Tag(name = "Passkeys")
class PasskeyApiController {

	private final Passkeys passkeys;

	PasskeyApiController(Passkeys passkeys) {
		this.passkeys = passkeys;
	}

	record Label(@NotNull @Size(max = 100) String label) {
	}

	@GetMapping("/api/v1/account/passkeys")
	@Operation(summary = "Your passkeys")
	List<PasskeyView> mine(@AuthenticationPrincipal SignedInUser user) {
		return passkeys.list(user.id());
	}

	@PatchMapping("/api/v1/account/passkeys/{id}")
	@Operation(summary = "Rename one of your passkeys")
	PasskeyView rename(@AuthenticationPrincipal SignedInUser user, @PathVariable String id,
			@Valid @RequestBody Label body) {
		return passkeys.rename(user.id(), id, body.label());
	}

	@DeleteMapping("/api/v1/account/passkeys/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove one of your passkeys", description = "Audited.")
	void remove(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
		passkeys.remove(user.id(), id);
	}

	@GetMapping("/api/v1/users/{id}/passkeys")
	@Operation(summary = "A user's passkeys (admin)")
	List<PasskeyView> ofUser(@PathVariable long id) {
		return passkeys.listFor(new UserId(id));
	}

	@DeleteMapping("/api/v1/users/{id}/passkeys/{credentialId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Remove a user's passkey (admin)", description = "Audited, with the admin as actor.")
	void removeOfUser(@AuthenticationPrincipal SignedInUser admin, @PathVariable long id,
			@PathVariable String credentialId) {
		passkeys.removeFor(new UserId(id), credentialId, admin.id());
	}

}
