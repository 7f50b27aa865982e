package dev.priora.portal.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.priora.backlog.web.MarkdownRenderer;
import dev.priora.portal.Changelog;
import dev.priora.portal.ChangelogEntry;
import dev.priora.portal.PortalSettings;
import dev.priora.portal.PortalVisitor;
import dev.priora.problem.DomainProblem;

/**
 * The portal's changelog (the product's published release notes) with its RSS and Atom
 * feeds, subscribing to it by e-mail, and the one-click unsubscribe page of every portal
 * mail (a page with one button, so that a mail scanner fetching the link unsubscribes
 * nobody; mail clients post to it directly, RFC 8058).
 */
@Controller
class PortalChangelogController {

	static final String VIEW = "portal/changelog";

	static final String UNSUBSCRIBE_VIEW = "portal/unsubscribe";

	private final PortalPages pages;

	private final Changelog changelog;

	private final ChangelogFeeds feeds;

	private final MarkdownRenderer markdown;

	PortalChangelogController(PortalPages pages, Changelog changelog, ChangelogFeeds feeds, MarkdownRenderer markdown) {
		this.pages = pages;
		this.changelog = changelog;
		this.feeds = feeds;
		this.markdown = markdown;
	}

	@GetMapping("/portal/{portal}/changelog")
	String page(@PathVariable String portal, HttpServletRequest request, Model model) {
		PortalSettings settings = pages.open(request, portal);
		PortalVisitor visitor = pages.visitor(request, portal);
		pages.header(model, settings, visitor, "changelog");
		List<ChangelogEntry> entries = changelog.entries(settings);
		model.addAttribute("entries", entries);
		model.addAttribute("notesHtml", entries.stream().map(e -> markdown.render(e.markdown())).toList());
		model.addAttribute("subscribed", changelog.subscribed(settings, visitor));
		return VIEW;
	}

	@GetMapping("/portal/{portal}/changelog.rss")
	ResponseEntity<String> rss(@PathVariable String portal, HttpServletRequest request) {
		return feed(portal, request, ChangelogFeeds.RSS, "application/rss+xml");
	}

	@GetMapping("/portal/{portal}/changelog.atom")
	ResponseEntity<String> atom(@PathVariable String portal, HttpServletRequest request) {
		return feed(portal, request, ChangelogFeeds.ATOM, "application/atom+xml");
	}

	@PostMapping("/portal/{portal}/changelog/subscribe")
	String subscribe(@PathVariable String portal, @RequestParam(defaultValue = "true") boolean subscribe,
			HttpServletRequest request, RedirectAttributes redirect) {
		PortalSettings settings = pages.open(request, portal);
		PortalVisitor visitor = pages.visitor(request, portal);
		if (visitor == null) {
			return "redirect:/portal/" + settings.productKey() + "/sign-in";
		}
		changelog.subscribe(settings, visitor, subscribe);
		redirect.addFlashAttribute("toast",
				subscribe ? "You get an e-mail when new release notes are published." : "You are unsubscribed.");
		return "redirect:/portal/" + settings.productKey() + "/changelog";
	}

	@GetMapping("/portal/{portal}/unsubscribe/{token}")
	String confirm(@PathVariable String portal, @PathVariable String token, HttpServletRequest request, Model model) {
		PortalSettings settings = pages.enabled(portal);
		pages.header(model, settings, pages.visitor(request, portal), "unsubscribe");
		model.addAttribute("token", token);
		model.addAttribute("what", changelog.describe(settings, token));
		model.addAttribute("done", false);
		return UNSUBSCRIBE_VIEW;
	}

	@PostMapping("/portal/{portal}/unsubscribe/{token}")
	String unsubscribe(@PathVariable String portal, @PathVariable String token, HttpServletRequest request,
			Model model) {
		PortalSettings settings = pages.enabled(portal);
		pages.header(model, settings, pages.visitor(request, portal), "unsubscribe");
		model.addAttribute("what", changelog.unsubscribe(settings, token));
		model.addAttribute("done", true);
		return UNSUBSCRIBE_VIEW;
	}

	private ResponseEntity<String> feed(String portal, HttpServletRequest request, String type, String mediaType) {
		PortalSettings settings = pages.open(request, portal);
		List<ChangelogEntry> entries = changelog.entries(settings);
		String base = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/portal/" + settings.productKey())
			.toUriString();
		try {
			return ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(mediaType + ";charset=UTF-8"))
				.body(feeds.write(settings, entries, base, type));
		}
		catch (IllegalStateException e) {
			throw DomainProblem.conflict("feed", "The feed cannot be written: " + e.getMessage());
		}
	}

}
