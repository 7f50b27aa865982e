package dev.priora.accounts.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.priora.accounts.AccountService;
import dev.priora.accounts.ApiTokens;
import dev.priora.accounts.Passkeys;
import dev.priora.accounts.PasswordSignInFailure;
import dev.priora.accounts.ProductRoles;
import dev.priora.accounts.SessionsEnded;
import dev.priora.accounts.SignedInSessions;
import dev.priora.accounts.SignedInUser;
import dev.priora.accounts.SsoAdmin;
import dev.priora.accounts.TwoFactor;

/**
 * The sign-in page, the user's own profile (name, password), where they are signed in,
 * and personal tokens.
 */
@Controller
class AccountPageController {

	static final String LOGIN_VIEW = "accounts/login";

	static final String TOKENS_VIEW = "accounts/tokens";

	static final String PROFILE_VIEW = "accounts/profile";

	static final String SESSIONS_VIEW = "accounts/sessions";

	private final AccountService accounts;

	private final ApiTokens tokens;

	private final ProductRoles roles;

	private final TwoFactor twoFactor;

	private final SsoAdmin sso;

	private final Passkeys passkeys;

	private final SignedInSessions sessions;

	AccountPageController(AccountService accounts, ApiTokens tokens, ProductRoles roles, TwoFactor twoFactor,
			SsoAdmin sso, Passkeys passkeys, SignedInSessions sessions) {
		this.sessions = sessions;
		this.sso = sso;
		this.accounts = accounts;
		this.passkeys = passkeys;
		this.tokens = tokens;
		this.roles = roles;
		this.twoFactor = twoFactor;
	}

	@GetMapping("/login")
	String login(@RequestParam(name = "break-glass", required = false) String breakGlass,
			@RequestParam(required = false) String error, HttpServletRequest request, Model model) {
		model.addAttribute("sso", sso.loginOptions(breakGlass != null));
		if (error != null) {
			model.addAttribute("lastEmail", PasswordSignInFailure.lastEmail(request));
		}
		return LOGIN_VIEW;
	}

	@GetMapping("/account")
	String profile(@AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("me", accounts.findById(user.id()).orElseThrow());
		model.addAttribute("twoFactor", twoFactor.status(user.id()));
		model.addAttribute("passkeyCount", passkeys.list(user.id()).size());
		model.addAttribute("sessionCount", sessions.list(user, null).size());
		return PROFILE_VIEW;
	}

	@GetMapping("/account/sessions")
	String sessions(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request, Model model) {
		model.addAttribute("sessions", sessions.list(user, sessionId(request)));
		return SESSIONS_VIEW;
	}

	@PostMapping("/account/sessions/{ref}/end")
	String endSession(@AuthenticationPrincipal SignedInUser user, @PathVariable String ref, HttpServletRequest request,
			RedirectAttributes redirect) {
		var ended = sessions.end(user, ref, sessionId(request));
		redirect.addFlashAttribute("toast", "Signed out of "
				+ (ended.device() == null ? "that session" : ended.device()) + ": it has to sign in again.");
		return "redirect:/account/sessions";
	}

	@PostMapping("/account/sessions/end-others")
	String endOtherSessions(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request,
			RedirectAttributes redirect) {
		int ended = sessions.endOthers(user, sessionId(request));
		redirect.addFlashAttribute("toast", ended == 0 ? "You were signed in nowhere else."
				: "Signed out everywhere else: " + ended + (ended == 1 ? " session" : " sessions") + " ended.");
		return "redirect:/account/sessions";
	}

	private static String sessionId(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return session == null ? null : session.getId();
	}

	@PostMapping("/account/name")
	String changeName(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String displayName,
			RedirectAttributes redirect) {
		accounts.changeName(user.id(), displayName);
		redirect.addFlashAttribute("toast", "Your name is saved; it shows everywhere after your next sign-in.");
		return "redirect:/account";
	}

	@PostMapping("/account/password")
	String changePassword(@AuthenticationPrincipal SignedInUser user,
			@RequestParam(defaultValue = "") String currentPassword,
			@RequestParam(defaultValue = "") String newPassword,
			@RequestParam(defaultValue = "false") boolean revokeTokens, HttpServletRequest request,
			RedirectAttributes redirect) {
		HttpSession session = request.getSession(false);
		SessionsEnded ended = accounts.changePassword(user.id(), new AccountService.PasswordChange(currentPassword,
				newPassword, revokeTokens, session == null ? null : session.getId(), null));
		redirect.addFlashAttribute("toast",
				"Your password is changed. You stay signed in here; elsewhere you are signed out (" + ended.sessions()
						+ (ended.sessions() == 1 ? " other session" : " other sessions") + " ended)"
						+ (revokeTokens ? ", and " + ended.tokens()
								+ (ended.tokens() == 1 ? " API token" : " API tokens") + " revoked."
								: "; your API tokens still work."));
		return "redirect:/account";
	}

	@GetMapping("/account/tokens")
	String tokens(@AuthenticationPrincipal SignedInUser user, Model model) {
		model.addAttribute("tokens", tokens.tokens(user.id()));
		return TOKENS_VIEW;
	}

	@PostMapping("/account/tokens")
	String create(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "write") String access, @RequestParam(defaultValue = "") List<String> products,
			@RequestParam(defaultValue = "") String expiresOn, RedirectAttributes redirect) {
		String trimmed = name.isBlank() ? "personal token" : name.strip();
		if (trimmed.length() > 100) {
			throw new IllegalArgumentException("A token name has at most 100 characters.");
		}
		var scope = TokenApiController.TokenScopes.of(user, roles, "read".equals(access), "intake".equals(access),
				products.stream().filter(p -> !p.isBlank()).toList());
		var created = tokens.createToken(user.id(), trimmed, scope, date(expiresOn));
		redirect.addFlashAttribute("tokenName", created.token().name());
		redirect.addFlashAttribute("tokenSecret", created.secret());
		return "redirect:/account/tokens";
	}

	/**
	 * An optional date field: blank is none; one that does not parse is refused as a
	 * field.
	 */
	private static LocalDate date(String value) {
		if (value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException e) {
			throw new IllegalArgumentException("expiresOn: not a date (YYYY-MM-DD)");
		}
	}

	@PostMapping("/account/tokens/{id}/revoke")
	String revoke(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, RedirectAttributes redirect) {
		tokens.revokeToken(user.id(), id);
		redirect.addFlashAttribute("toast", "Token revoked: it stops working at once.");
		return "redirect:/account/tokens";
	}

}
