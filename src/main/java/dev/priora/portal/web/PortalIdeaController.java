package dev.priora.portal.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.priora.backlog.web.MarkdownRenderer;
import dev.priora.feedback.Importance;
import dev.priora.portal.IdeaDetail;
import dev.priora.portal.IdeaVotes;
import dev.priora.portal.Ideas;
import dev.priora.portal.PortalSettings;
import dev.priora.portal.PortalVisitor;
import dev.priora.problem.DomainProblem;

/**
 * One idea on the portal: its text and status, vote (with how important), take the vote
 * back, comment and follow. Every form posts, then redirects back to the idea.
 */
@Controller
class PortalIdeaController {

	static final String IDEA_VIEW = "portal/idea";

	private final PortalPages pages;

	private final Ideas ideas;

	private final IdeaVotes votes;

	private final MarkdownRenderer markdown;

	PortalIdeaController(PortalPages pages, Ideas ideas, IdeaVotes votes, MarkdownRenderer markdown) {
		this.pages = pages;
		this.ideas = ideas;
		this.votes = votes;
		this.markdown = markdown;
	}

	@GetMapping("/portal/{portal}/ideas/{id}")
	String idea(@PathVariable String portal, @PathVariable long id, HttpServletRequest request, Model model) {
		PortalSettings settings = pages.open(request, portal);
		var merged = ideas.mergedInto(settings, id);
		if (merged.isPresent()) {
			return "redirect:/portal/" + settings.productKey() + "/ideas/" + merged.get();
		}
		PortalVisitor visitor = pages.visitor(request, portal);
		IdeaDetail idea = ideas.get(settings, id, visitor);
		pages.header(model, settings, visitor, "ideas");
		model.addAttribute("idea", idea);
		model.addAttribute("bodyHtml", markdown.render(idea.body()));
		model.addAttribute("commentsHtml", idea.comments().stream().map(c -> markdown.render(c.body())).toList());
		model.addAttribute("importances", List.of(Importance.values()));
		return IDEA_VIEW;
	}

	@PostMapping("/portal/{portal}/ideas/{id}/vote")
	String vote(@PathVariable String portal, @PathVariable long id, @RequestParam(defaultValue = "") String importance,
			HttpServletRequest request, RedirectAttributes redirect) {
		return act(portal, id, request, redirect, (settings, visitor) -> {
			votes.vote(settings, visitor, id, importance(importance));
			return "Your vote is counted.";
		});
	}

	@PostMapping("/portal/{portal}/ideas/{id}/unvote")
	String unvote(@PathVariable String portal, @PathVariable long id, HttpServletRequest request,
			RedirectAttributes redirect) {
		return act(portal, id, request, redirect, (settings, visitor) -> {
			votes.unvote(settings, visitor, id);
			return "Your vote is taken back.";
		});
	}

	@PostMapping("/portal/{portal}/ideas/{id}/comments")
	String comment(@PathVariable String portal, @PathVariable long id, @RequestParam(defaultValue = "") String body,
			HttpServletRequest request, RedirectAttributes redirect) {
		return act(portal, id, request, redirect, (settings, visitor) -> {
			return votes.comment(settings, visitor, id, body)
					? "Thank you: your comment is shown once the team has reviewed it." : "Your comment is posted.";
		});
	}

	@PostMapping("/portal/{portal}/ideas/{id}/follow")
	String follow(@PathVariable String portal, @PathVariable long id,
			@RequestParam(defaultValue = "true") boolean follow, HttpServletRequest request,
			RedirectAttributes redirect) {
		return act(portal, id, request, redirect, (settings, visitor) -> {
			votes.follow(settings, visitor, id, follow);
			return follow ? "You follow this idea." : "You no longer follow this idea.";
		});
	}

	interface Action {

		String run(PortalSettings settings, PortalVisitor visitor);

	}

	private String act(String portal, long id, HttpServletRequest request, RedirectAttributes redirect, Action action) {
		PortalSettings settings = pages.open(request, portal);
		PortalVisitor visitor = pages.visitor(request, portal);
		String back = "redirect:/portal/" + settings.productKey() + "/ideas/" + id;
		if (visitor == null) {
			return "redirect:/portal/" + settings.productKey() + "/sign-in";
		}
		try {
			redirect.addFlashAttribute("toast", action.run(settings, visitor));
		}
		catch (DomainProblem e) {
			DomainProblem.rethrowNotFound(e);
			// the idea again, with the reason in its error area (a visitor has no Referer
			// guarantee)
			redirect.addFlashAttribute("error", e.getMessage());
		}
		return back;
	}

	private static Importance importance(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Importance.valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw DomainProblem.invalid("importance", "is NICE_TO_HAVE, IMPORTANT or CRITICAL");
		}
	}

}
