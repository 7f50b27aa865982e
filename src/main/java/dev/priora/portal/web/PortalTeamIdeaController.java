package dev.priora.portal.web;

import java.util.Locale;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.priora.accounts.Permission;
import dev.priora.accounts.Requires;
import dev.priora.accounts.SignedInUser;
import dev.priora.backlog.web.MarkdownRenderer;
import dev.priora.feedback.Importance;
import dev.priora.portal.IdeaItemLinks;
import dev.priora.portal.Portals;
import dev.priora.portal.TeamReplies;
import dev.priora.portal.TeamReply;
import dev.priora.portal.TeamThread;
import dev.priora.problem.DomainProblem;

/**
 * The team's page of one portal idea: its text, the customers behind it, the visitors'
 * comments, and the team's replies, which the team posts, edits and deletes here (a reply
 * is mailed to the idea's followers when posted).
 */
@Controller
class PortalTeamIdeaController {

	static final String VIEW = "portal/team-idea";

	private final TeamReplies replies;

	private final Portals portals;

	private final MarkdownRenderer markdown;

	private final IdeaItemLinks links;

	PortalTeamIdeaController(TeamReplies replies, Portals portals, MarkdownRenderer markdown, IdeaItemLinks links) {
		this.replies = replies;
		this.portals = portals;
		this.markdown = markdown;
		this.links = links;
	}

	@GetMapping("/p/{key}/portal/ideas/{id}")
	String page(@PathVariable String key, @PathVariable long id, Model model) {
		show(model, key, id);
		return VIEW;
	}

	@PostMapping("/p/{key}/portal/ideas/{id}/replies")
	@Requires(Permission.EDIT_BACKLOG)
	String reply(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @PathVariable long id,
			@RequestParam(defaultValue = "") String body, Model model, RedirectAttributes redirect) {
		try {
			TeamReply reply = replies.post(key, id, body, user.id());
			redirect.addFlashAttribute("toast", "Your reply is posted; the idea's followers are told.");
			return back(key, id) + "#reply-" + reply.id();
		}
		catch (DomainProblem e) {
			DomainProblem.rethrowNotFound(e);
			// the page again with what was typed and the reason next to the form
			model.addAttribute("error", e.getMessage());
			model.addAttribute("draft", body);
			show(model, key, id);
			return VIEW;
		}
	}

	@PostMapping("/p/{key}/portal/ideas/{id}/replies/{replyId}")
	@Requires(Permission.EDIT_BACKLOG)
	String edit(@PathVariable String key, @PathVariable long id, @PathVariable long replyId,
			@RequestParam(defaultValue = "") String body, @RequestParam(defaultValue = "-1") long version,
			RedirectAttributes redirect) {
		replies.edit(key, id, replyId, body, version);
		redirect.addFlashAttribute("toast", "Your reply is saved.");
		return back(key, id) + "#reply-" + replyId;
	}

	@PostMapping("/p/{key}/portal/ideas/{id}/replies/{replyId}/delete")
	@Requires(Permission.EDIT_BACKLOG)
	String delete(@PathVariable String key, @PathVariable long id, @PathVariable long replyId,
			RedirectAttributes redirect) {
		replies.delete(key, id, replyId);
		redirect.addFlashAttribute("toast", "The reply is deleted.");
		return back(key, id) + "#replies";
	}

	@PostMapping("/p/{key}/portal/ideas/{id}/links")
	@Requires(Permission.EDIT_BACKLOG)
	String link(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @PathVariable long id,
			@RequestParam(defaultValue = "") String item, @RequestParam(defaultValue = "IMPORTANT") String importance,
			Model model, RedirectAttributes redirect) {
		Importance chosen = "CRITICAL".equals(importance) || "NICE_TO_HAVE".equals(importance)
				? Importance.valueOf(importance) : Importance.IMPORTANT;
		try {
			var linked = links.link(key, id, item, chosen, user.id());
			redirect.addFlashAttribute("toast",
					"The idea is linked to " + linked + ": its voters count in that item's demand.");
			return back(key, id) + "#idea-links";
		}
		catch (DomainProblem e) {
			DomainProblem.rethrowNotFound(e);
			// the page again with what was typed and the reason under the item box
			model.addAttribute("linkError", e.getMessage().replaceFirst("^item: ", ""));
			model.addAttribute("linkDraft", item);
			model.addAttribute("linkImportance", chosen.name());
			show(model, key, id);
			return VIEW;
		}
	}

	@PostMapping("/p/{key}/portal/ideas/{id}/links/{itemKey}/delete")
	@Requires(Permission.EDIT_BACKLOG)
	String unlink(@PathVariable String key, @PathVariable long id, @PathVariable String itemKey,
			RedirectAttributes redirect) {
		links.unlink(key, id, itemKey);
		redirect.addFlashAttribute("toast", "The idea is no longer linked to " + itemKey + ".");
		return back(key, id) + "#idea-links";
	}

	private void show(Model model, String key, long id) {
		TeamThread thread = replies.thread(key, id);
		model.addAttribute("thread", thread);
		model.addAttribute("settings", portals.get(key));
		model.addAttribute("bodyHtml", markdown.render(thread.body()));
		model.addAttribute("commentsHtml", thread.comments().stream().map(c -> markdown.render(c.body())).toList());
		model.addAttribute("repliesHtml", thread.replies().stream().map(r -> markdown.render(r.body())).toList());
		model.addAttribute("links", links.links(key, thread.idea()));
		model.addAttribute("offered", links.offered(key));
		model.addAttribute("importances", Importance.values());
	}

	private static String back(String key, long id) {
		return "redirect:/p/" + key.toUpperCase(Locale.ROOT) + "/portal/ideas/" + id;
	}

}
