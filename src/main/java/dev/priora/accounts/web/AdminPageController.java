package dev.priora.accounts.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.priora.accounts.AccountLinks;
import dev.priora.accounts.AccountService;
import dev.priora.accounts.ApiTokens;
import dev.priora.accounts.Passkeys;
import dev.priora.accounts.SecurityEvent;
import dev.priora.accounts.SecurityLog;
import dev.priora.accounts.SignedInUser;
import dev.priora.accounts.TwoFactorPolicy;
import dev.priora.accounts.UserId;
import dev.priora.csv.CsvWriter;

/**
 * The workspace admin's pages: users (invite, deactivate, reset password, two-factor),
 * everyone's API tokens (revoke) and the security audit log.
 */
@Controller
class AdminPageController {

	static final String USERS_VIEW = "accounts/admin-users";

	static final String AUDIT_VIEW = "accounts/admin-audit";

	static final String TOKENS_VIEW = "accounts/admin-tokens";

	static final String USERS_REDIRECT = "redirect:/admin/users";

	private final AccountService accounts;

	private final AccountLinks links;

	private final SecurityLog log;

	private final TwoFactorPolicy twoFactor;

	private final ApiTokens tokens;

	private final Passkeys passkeys;

	AdminPageController(AccountService accounts, AccountLinks links, SecurityLog log, TwoFactorPolicy twoFactor,
			ApiTokens tokens, Passkeys passkeys) {
		this.accounts = accounts;
		this.passkeys = passkeys;
		this.links = links;
		this.log = log;
		this.twoFactor = twoFactor;
		this.tokens = tokens;
	}

	@GetMapping("/admin/users")
	String users(Model model) {
		model.addAttribute("users", accounts.users());
		model.addAttribute("twoFactor",
				twoFactor.users().stream().collect(java.util.stream.Collectors.toMap(u -> u.id().value(), u -> u)));
		model.addAttribute("twoFactorForEveryone", twoFactor.requiredForEveryone());
		model.addAttribute("passkeys", passkeys.counts());
		return USERS_VIEW;
	}

	@PostMapping("/admin/users/invite")
	String invite(@AuthenticationPrincipal SignedInUser admin, @RequestParam(defaultValue = "") String email,
			RedirectAttributes redirect) {
		String secret = links.invite(email, admin.id());
		redirect.addFlashAttribute("link", absolute("/invite/" + secret));
		redirect.addFlashAttribute("linkFor", "Invitation for " + email.strip());
		return USERS_REDIRECT;
	}

	@PostMapping("/admin/users/{id}/deactivate")
	String deactivate(@AuthenticationPrincipal SignedInUser admin, @PathVariable long id, RedirectAttributes redirect) {
		accounts.deactivate(new UserId(id), admin.id());
		redirect.addFlashAttribute("toast", "User deactivated; their sessions and tokens are revoked.");
		return USERS_REDIRECT;
	}

	@PostMapping("/admin/users/{id}/reactivate")
	String reactivate(@AuthenticationPrincipal SignedInUser admin, @PathVariable long id, RedirectAttributes redirect) {
		accounts.reactivate(new UserId(id), admin.id());
		redirect.addFlashAttribute("toast", "User reactivated.");
		return USERS_REDIRECT;
	}

	@PostMapping("/admin/users/{id}/reset")
	String reset(@AuthenticationPrincipal SignedInUser admin, @PathVariable long id, RedirectAttributes redirect) {
		AccountLinks.PasswordReset reset = links.issuePasswordReset(new UserId(id), admin.id());
		redirect.addFlashAttribute("link", absolute("/reset/" + reset.secret()));
		redirect.addFlashAttribute("linkFor",
				"Password reset for " + accounts.findById(new UserId(id)).orElseThrow().email());
		redirect.addFlashAttribute("toast", "They are signed out everywhere: " + reset.ended().describe() + ".");
		return USERS_REDIRECT;
	}

	@GetMapping("/admin/tokens")
	String tokens(Model model) {
		model.addAttribute("tokens", tokens.allTokens());
		return TOKENS_VIEW;
	}

	@PostMapping("/admin/tokens/{id}/revoke")
	String revokeToken(@AuthenticationPrincipal SignedInUser admin, @PathVariable long id,
			RedirectAttributes redirect) {
		tokens.revokeAnyToken(id, admin.id());
		redirect.addFlashAttribute("toast", "Token revoked: it stops working at once.");
		return "redirect:/admin/tokens";
	}

	@GetMapping("/admin/audit")
	String audit(Model model) {
		model.addAttribute("events", log.recent(500));
		return AUDIT_VIEW;
	}

	@GetMapping("/admin/audit.csv")
	ResponseEntity<String> auditCsv() {
		List<List<?>> rows = new ArrayList<>();
		for (SecurityEvent e : log.recent(100_000)) {
			rows.add(Arrays.asList(e.id(), e.occurredAt(), e.type(), e.actor(), e.subject(), e.clientIp(), e.detail()));
		}
		return CsvWriter.download("priora-audit.csv",
				List.of("id", "occurred_at", "type", "actor", "subject", "client_ip", "detail"), rows);
	}

	private static String absolute(String path) {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).toUriString();
	}

}
