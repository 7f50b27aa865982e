package dev.priora.accounts.web;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.priora.accounts.AccountLinks;
import dev.priora.accounts.AccountService;
import dev.priora.accounts.SecurityEvent;
import dev.priora.accounts.SecurityLog;
import dev.priora.accounts.SessionsEnded;
import dev.priora.accounts.SignedInSessions;
import dev.priora.accounts.SignedInUser;
import dev.priora.accounts.UserId;
import dev.priora.accounts.UserView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Users (workspace admin only), the audit log, and the signed-in user's own profile. */
@RestController
@Tag(name = "Users")
class UserApiController {

	private final AccountService accounts;

	private final AccountLinks links;

	private final SecurityLog log;

	private final SignedInSessions signedIn;

	UserApiController(AccountService accounts, AccountLinks links, SecurityLog log, SignedInSessions signedIn) {
		this.signedIn = signedIn;
		this.accounts = accounts;
		this.links = links;
		this.log = log;
	}

	record Invite(@NotBlank @Size(max = 320) String email) {
	}

	record Name(@NotBlank @Size(max = 200) String displayName) {
	}

	record PasswordChange(@NotBlank @Size(max = 200) String currentPassword,
			@NotBlank @Size(max = 200) String newPassword, Boolean revokeTokens) {
	}

	/**
	 * What a password change ended: web sessions signed out, tokens revoked, and whether
	 * the token this request came with was kept.
	 */
	record PasswordChanged(int sessionsEnded, int tokensRevoked, boolean thisTokenKept) {
	}

	/** A password-reset link, and the user's sessions and tokens it ended. */
	record ResetIssued(String link, int sessionsEnded, int tokensRevoked) {
	}

	@GetMapping("/api/v1/users")
	@Operation(summary = "List users (admin)")
	List<UserView> users() {
		return accounts.users();
	}

	@PostMapping("/api/v1/users/invitations")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Invite a user by email (admin); answers the one-time link, valid for 3 days")
	Map<String, String> invite(@AuthenticationPrincipal SignedInUser admin, @Valid @RequestBody Invite body) {
		String secret = links.invite(body.email(), admin.id());
		return Map.of("email", body.email().strip().toLowerCase(java.util.Locale.ROOT), "link",
				link("/invite/" + secret));
	}

	@PostMapping("/api/v1/users/{id}/deactivate")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Deactivate a user (admin): sign-in refused, sessions and tokens revoked at once")
	void deactivate(@AuthenticationPrincipal SignedInUser admin, @PathVariable long id) {
		accounts.deactivate(new UserId(id), admin.id());
	}

	@PostMapping("/api/v1/users/{id}/reactivate")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Reactivate a user (admin)")
	void reactivate(@AuthenticationPrincipal SignedInUser admin, @PathVariable long id) {
		accounts.reactivate(new UserId(id), admin.id());
	}

	@PostMapping("/api/v1/users/{id}/password-reset")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Issue a one-time password-reset link for a user (admin)",
			description = "Ends every session and revokes every token of the user at once, and again when the link"
					+ " is used.")
	ResetIssued reset(@AuthenticationPrincipal SignedInUser admin, @PathVariable long id) {
		AccountLinks.PasswordReset reset = links.issuePasswordReset(new UserId(id), admin.id());
		return new ResetIssued(link("/reset/" + reset.secret()), reset.ended().sessions(), reset.ended().tokens());
	}

	@GetMapping("/api/v1/audit")
	@Operation(summary = "The security audit log, newest first (admin)")
	List<SecurityEvent> audit(@RequestParam(defaultValue = "200") int limit) {
		return log.recent(Math.max(1, Math.min(limit, 10_000)));
	}

	@GetMapping("/api/v1/me")
	@Operation(summary = "Your own account")
	UserView me(@AuthenticationPrincipal SignedInUser user) {
		return accounts.findById(user.id()).orElseThrow();
	}

	@GetMapping("/api/v1/account/sessions")
	@Operation(summary = "Where you are signed in: your web sessions, the one this request came with first",
			description = "ref names a session for DELETE; device is the browser and system it was signed in from"
					+ " (null when not known), address the client address then.")
	List<SignedInSessions.SessionView> sessions(@AuthenticationPrincipal SignedInUser user,
			jakarta.servlet.http.HttpServletRequest request) {
		return signedIn.list(user, sessionId(request));
	}

	@DeleteMapping("/api/v1/account/sessions/{ref}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Sign out one of your web sessions (not the one this request came with)")
	void endSession(@AuthenticationPrincipal SignedInUser user, @PathVariable String ref,
			jakarta.servlet.http.HttpServletRequest request) {
		signedIn.end(user, ref, sessionId(request));
	}

	private static String sessionId(jakarta.servlet.http.HttpServletRequest request) {
		var session = request.getSession(false);
		return session == null ? null : session.getId();
	}

	@PutMapping("/api/v1/me/name")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Change your display name")
	void name(@AuthenticationPrincipal SignedInUser user, @Valid @RequestBody Name body) {
		accounts.changeName(user.id(), body.displayName());
	}

	@PutMapping("/api/v1/me/password")
	@Operation(summary = "Change your password (the current one is required)",
			description = "Signs out every web session of yours. With revokeTokens=true, also revokes every token of"
					+ " yours but the one this request came with (revoke that one with DELETE /api/v1/tokens/{id}).")
	PasswordChanged password(@AuthenticationPrincipal SignedInUser user, @Valid @RequestBody PasswordChange body,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		String token = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
				? authorization.substring(7).strip() : null;
		boolean revoke = Boolean.TRUE.equals(body.revokeTokens());
		SessionsEnded ended = accounts.changePassword(user.id(),
				new AccountService.PasswordChange(body.currentPassword(), body.newPassword(), revoke, null, token));
		return new PasswordChanged(ended.sessions(), ended.tokens(), token != null);
	}

	private static String link(String path) {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).toUriString();
	}

}
