package dev.priora.portal.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import dev.priora.accounts.Permission;
import dev.priora.accounts.Requires;
import dev.priora.accounts.SignedInUser;
import dev.priora.mail.MailSettings;
import dev.priora.portal.CommentModeration;
import dev.priora.portal.CommentState;
import dev.priora.portal.IdeaMerge;
import dev.priora.portal.IdeaModeration;
import dev.priora.portal.IdeaState;
import dev.priora.portal.IdeaStatus;
import dev.priora.portal.TeamIdea;
import dev.priora.portal.PortalSettings;
import dev.priora.portal.Portals;
import dev.priora.problem.DomainProblem;

/**
 * The team's Portal page ({@code g p}): the settings (owners edit them), the logo, and
 * every idea with the customers behind its votes, its status and moderation.
 */
@Controller
class PortalTeamPageController {

	static final String VIEW = "portal/settings";

	private final Portals portals;

	private final IdeaModeration moderation;

	private final IdeaMerge merges;

	private final CommentModeration comments;

	private final MailSettings mail;

	PortalTeamPageController(Portals portals, IdeaModeration moderation, IdeaMerge merges, CommentModeration comments,
			MailSettings mail) {
		this.portals = portals;
		this.moderation = moderation;
		this.merges = merges;
		this.comments = comments;
		this.mail = mail;
	}

	@GetMapping("/p/{key}/portal")
	String page(@PathVariable String key, Model model) {
		PortalSettings settings = portals.get(key);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", PortalSettingsForm.of(settings));
		}
		show(model, settings);
		return VIEW;
	}

	@PostMapping("/p/{key}/portal")
	@Requires(Permission.MANAGE_PRODUCT)
	String save(@PathVariable String key, @ModelAttribute PortalSettingsForm form, Model model,
			RedirectAttributes redirect) {
		try {
			portals.update(key, form.draft(), form.expectedVersion());
			redirect.addFlashAttribute("toast", "Portal settings saved.");
			return "redirect:/p/" + key.toUpperCase(Locale.ROOT) + "/portal";
		}
		catch (DomainProblem e) {
			DomainProblem.rethrowNotFound(e);
			// the form again with what was typed and the reason next to it
			model.addAttribute("form", form);
			var errors = PortalSettingsForm.errors(e);
			model.addAttribute("settingsErrors", errors);
			model.addAttribute("fieldErrors",
					errors.stream()
						.filter(f -> !f.id().isEmpty())
						.collect(java.util.stream.Collectors.toMap(PortalSettingsForm.FieldError::id,
								PortalSettingsForm.FieldError::reason, (a, b) -> a)));
			show(model, portals.get(key));
			return VIEW;
		}
	}

	@PostMapping("/p/{key}/portal/logo")
	@Requires(Permission.MANAGE_PRODUCT)
	String logo(@PathVariable String key, @RequestParam(required = false) MultipartFile logo,
			RedirectAttributes redirect) throws IOException {
		portals.setLogo(key, logo == null ? null : logo.getBytes());
		redirect.addFlashAttribute("toast", "Logo saved.");
		return "redirect:/p/" + key.toUpperCase(Locale.ROOT) + "/portal";
	}

	/** The logo for the team's preview; 204 when there is none. */
	@GetMapping("/p/{key}/portal/logo")
	ResponseEntity<byte[]> logoImage(@PathVariable String key) {
		return portals.logoOf(key)
			.map(logo -> ResponseEntity.ok().contentType(MediaType.parseMediaType(logo.mediaType())).body(logo.bytes()))
			.orElseGet(() -> ResponseEntity.noContent().build());
	}

	@PostMapping("/p/{key}/portal/logo/delete")
	@Requires(Permission.MANAGE_PRODUCT)
	String removeLogo(@PathVariable String key, RedirectAttributes redirect) {
		portals.removeLogo(key);
		redirect.addFlashAttribute("toast", "Logo removed.");
		return "redirect:/p/" + key.toUpperCase(Locale.ROOT) + "/portal";
	}

	/** An idea's status change that was refused, shown in its row. */
	record StatusRefused(long id, String status, String reason, String message) implements java.io.Serializable {
	}

	@PostMapping("/p/{key}/portal/ideas/{id}/status")
	@Requires(Permission.EDIT_BACKLOG)
	String status(@PathVariable String key, @PathVariable long id, @RequestParam(defaultValue = "") String status,
			@RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
		IdeaStatus s = status.isBlank() ? null : parse(IdeaStatus.class, status, "status");
		TeamIdea changed;
		try {
			changed = moderation.setStatus(key, id, s, reason);
		}
		catch (DomainProblem e) {
			DomainProblem.rethrowNotFound(e);
			// every idea's row has its own reason box: name the idea, not the field, or
			// the page marks the first row's box whichever idea was refused
			// the reason shows in the idea's own row, which the page scrolls to, with
			// what
			// was chosen kept
			String detail = e.getMessage();
			int colon = detail.indexOf(": ");
			redirect.addFlashAttribute("statusRefused", new StatusRefused(id, status, reason,
					"Keeps its status: " + (colon < 0 ? detail : detail.substring(colon + 2)) + "."));
			return "redirect:/p/" + key.toUpperCase(Locale.ROOT) + "/portal#idea-" + id;
		}
		redirect.addFlashAttribute("toast", "“" + changed.title() + "”"
				+ (s == null ? " follows its items again." : " is now " + s.label().toLowerCase(Locale.ROOT) + "."));
		return "redirect:/p/" + key.toUpperCase(Locale.ROOT) + "/portal#ideas";
	}

	@PostMapping("/p/{key}/portal/ideas/{id}/state")
	@Requires(Permission.EDIT_BACKLOG)
	String state(@PathVariable String key, @PathVariable long id, @RequestParam(defaultValue = "") String state,
			RedirectAttributes redirect) {
		IdeaState s = parse(IdeaState.class, state, "state");
		String idea = "“" + moderation.moderate(key, id, s).title() + "”";
		redirect.addFlashAttribute("toast", switch (s) {
			case VISIBLE -> idea + " is shown to visitors.";
			case HELD -> idea + " is held for review.";
			case SPAM -> idea + " is marked as spam and hidden.";
		});
		return "redirect:/p/" + key.toUpperCase(Locale.ROOT) + "/portal#ideas";
	}

	@PostMapping("/p/{key}/portal/ideas/{id}/merge")
	@Requires(Permission.EDIT_BACKLOG)
	String merge(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @PathVariable long id,
			@RequestParam(required = false) Long into, RedirectAttributes redirect) {
		if (into == null) {
			throw DomainProblem.invalid("into", "choose the idea to keep");
		}
		String from = moderation.get(key, id).title();
		String kept = merges.merge(key, id, into, user.id()).title();
		redirect.addFlashAttribute("toast", "“" + from + "” is merged into “" + kept + "”.");
		return "redirect:/p/" + key.toUpperCase(Locale.ROOT) + "/portal#ideas";
	}

	@PostMapping("/p/{key}/portal/comments/{id}/state")
	@Requires(Permission.EDIT_BACKLOG)
	String commentState(@PathVariable String key, @PathVariable long id, @RequestParam(defaultValue = "") String state,
			RedirectAttributes redirect) {
		CommentState s = parse(CommentState.class, state, "state");
		comments.moderate(key, id, s);
		redirect.addFlashAttribute("toast", switch (s) {
			case VISIBLE -> "The comment is shown to visitors.";
			case HELD -> "The comment is held for review.";
			case REJECTED -> "The comment is rejected.";
			case SPAM -> "The comment is marked as spam.";
		});
		return "redirect:/p/" + key.toUpperCase(Locale.ROOT) + "/portal#comments";
	}

	private void show(Model model, PortalSettings settings) {
		model.addAttribute("settings", settings);
		model.addAttribute("ideas", moderation.list(settings.productKey()));
		model.addAttribute("heldComments", comments.list(settings.productKey(), CommentState.HELD));
		model.addAttribute("statuses", List.of(IdeaStatus.values()));
		// as the notifications' preferences tell it: off (no mail server), partial (no
		// sender or base URL for the links) or on
		model.addAttribute("mailState", mail.host().isEmpty() ? "off" : (mail.linksReady() ? "on" : "partial"));
		model.addAttribute("mailMissing", String.join(" and ", java.util.stream.Stream
			.of(mail.from().isEmpty() ? "PRIORA_MAIL_FROM" : null, mail.baseUrl().isEmpty() ? "PRIORA_BASE_URL" : null)
			.filter(java.util.Objects::nonNull)
			.toList()));
		model.addAttribute("portalUrl",
				ServletUriComponentsBuilder.fromCurrentContextPath()
					.path("/portal/" + settings.productKey())
					.toUriString());
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw DomainProblem.invalid(field, "is not a known " + field);
		}
	}

}
