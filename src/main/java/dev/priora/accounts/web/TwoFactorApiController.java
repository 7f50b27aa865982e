package dev.priora.accounts.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.priora.accounts.SignedInUser;
import dev.priora.accounts.TwoFactor;
import dev.priora.accounts.TwoFactorPolicy;
import dev.priora.accounts.TwoFactorSetup;
import dev.priora.accounts.TwoFactorStatus;
import dev.priora.accounts.UserId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Two-factor sign-in over the API: one's own enrolment, and the admin's policy. */
@RestController
@Tag(name = "Two-factor")
class TwoFactorApiController {

	private final TwoFactor twoFactor;

	private final TwoFactorPolicy policy;

	TwoFactorApiController(TwoFactor twoFactor, TwoFactorPolicy policy) {
		this.twoFactor = twoFactor;
		this.policy = policy;
	}

	record Code(@NotNull @Size(max = 20) String code) {
	}

	record Disable(@Size(max = 20) String code, @Size(max = 200) String password) {
	}

	record RecoveryCodes(List<String> recoveryCodes) {
	}

	record Required(@NotNull Boolean required) {
	}

	record Policy(boolean requiredForEveryone, List<TwoFactorPolicy.UserTwoFactor> users) {
	}

	record EveryoneRequired(@NotNull Boolean requiredForEveryone) {
	}

	@GetMapping("/api/v1/account/two-factor")
	@Operation(summary = "Your two-factor state")
	TwoFactorStatus status(@AuthenticationPrincipal SignedInUser user) {
		return twoFactor.status(user.id());
	}

	@PostMapping("/api/v1/account/two-factor")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Start setting up two-factor",
			description = "Answers a new secret, its otpauth URI and a QR code; confirm with a code to turn it on.")
	TwoFactorSetup begin(@AuthenticationPrincipal SignedInUser user) {
		return twoFactor.begin(user.id());
	}

	@PostMapping("/api/v1/account/two-factor/confirm")
	@Operation(summary = "Confirm two-factor with a code from the app",
			description = "Answers ten one-time recovery codes, shown only in this answer.")
	RecoveryCodes confirm(@AuthenticationPrincipal SignedInUser user, @Valid @RequestBody Code body) {
		return new RecoveryCodes(twoFactor.confirm(user.id(), body.code()));
	}

	@PostMapping("/api/v1/account/two-factor/recovery-codes")
	@Operation(summary = "Replace your recovery codes",
			description = "Needs a current code; the old codes stop working.")
	RecoveryCodes renew(@AuthenticationPrincipal SignedInUser user, @Valid @RequestBody Code body) {
		return new RecoveryCodes(twoFactor.renewRecoveryCodes(user.id(), body.code()));
	}

	@DeleteMapping("/api/v1/account/two-factor")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Turn two-factor off", description = "Needs a current code, a recovery code or the password.")
	void disable(@AuthenticationPrincipal SignedInUser user, @Valid @RequestBody(required = false) Disable body) {
		twoFactor.disable(user.id(), body == null ? null : body.code(), body == null ? null : body.password());
	}

	@GetMapping("/api/v1/admin/two-factor")
	@Operation(summary = "Who uses two-factor, and whether it is required (admin)")
	Policy policy() {
		return new Policy(policy.requiredForEveryone(), policy.users());
	}

	@PutMapping("/api/v1/admin/two-factor")
	@Operation(summary = "Require two-factor of everyone, or stop (admin)")
	Policy requireOfEveryone(@AuthenticationPrincipal SignedInUser admin, @Valid @RequestBody EveryoneRequired body) {
		policy.requireForEveryone(body.requiredForEveryone(), admin.id());
		return policy();
	}

	@PutMapping("/api/v1/users/{id}/two-factor")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Require two-factor of a user, or stop (admin)")
	void require(@AuthenticationPrincipal SignedInUser admin, @PathVariable long id,
			@Valid @RequestBody Required body) {
		policy.require(new UserId(id), body.required(), admin.id());
	}

	@DeleteMapping("/api/v1/users/{id}/two-factor")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Reset a user's two-factor (admin)",
			description = "Removes their secret and recovery codes; audited.")
	void reset(@AuthenticationPrincipal SignedInUser admin, @PathVariable long id) {
		policy.reset(new UserId(id), admin.id());
	}

}
