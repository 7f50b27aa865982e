package dev.priora.roadmap.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
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
import dev.priora.problem.DomainProblem;
import dev.priora.backlog.ItemKey;
import dev.priora.backlog.web.MarkdownRenderer;
import dev.priora.roadmap.RoadmapService;
import dev.priora.web.ClosedLink;

/**
 * The roadmap page (goal, objectives, alignment, now/next/later, timeline, links) and the
 * shared read-only view.
 */
@Controller
class RoadmapPageController {

	static final String ROADMAP_VIEW = "roadmap/roadmap";

	static final String SHARED_VIEW = "roadmap/shared";

	static final String NOTES_VIEW = "roadmap/notes";

	private final RoadmapService roadmap;

	private final MarkdownRenderer markdown;

	RoadmapPageController(RoadmapService roadmap, MarkdownRenderer markdown) {
		this.roadmap = roadmap;
		this.markdown = markdown;
	}

	@GetMapping("/p/{key}/roadmap")
	String page(@PathVariable String key, @RequestParam(required = false) Long objective, Model m) {
		fill(key, objective, m);
		return ROADMAP_VIEW;
	}

	@PostMapping("/p/{key}/roadmap/goal")
	@Requires(Permission.MANAGE_ROADMAP)
	String goal(@PathVariable String key, @RequestParam(defaultValue = "") String goal, RedirectAttributes redirect) {
		roadmap.setGoal(key, goal);
		return toRoadmap(key, "toast", "Product goal saved.", redirect);
	}

	@PostMapping("/p/{key}/roadmap/objectives")
	@Requires(Permission.MANAGE_ROADMAP)
	String objective(@PathVariable String key, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String keyResults, @RequestParam(defaultValue = "") String target, Model m,
			RedirectAttributes redirect) {
		try {
			roadmap.createObjective(key, title, "", List.of(keyResults.split("\\r?\\n")), target);
			return toRoadmap(key, "toast", "Objective added.", redirect);
		}
		catch (DomainProblem e) {
			// the form again, at the foot of a long page: the reason in it, what was
			// typed kept
			m.addAttribute("objectiveError", e.getMessage());
			m.addAttribute("typedObjective", new TypedObjective(title, keyResults, target));
		}
		fill(key, null, m);
		return ROADMAP_VIEW;
	}

	/** What was typed into the objective form, shown again with its refusal. */
	record TypedObjective(String title, String keyResults, String target) {
	}

	/**
	 * Aligns an item (its key, or its number in this product) with one more objective. A
	 * refusal — no such item here, no objective chosen — shows the roadmap again with the
	 * reason next to the form and what was typed kept.
	 */
	@PostMapping("/p/{key}/roadmap/align")
	@Requires(Permission.MANAGE_ROADMAP)
	String align(@PathVariable String key, @RequestParam(defaultValue = "") String item,
			@RequestParam(required = false) Long objective, Model m, RedirectAttributes redirect) {
		String product = key.toUpperCase(Locale.ROOT);
		try {
			ItemKey itemKey = itemInProduct(product, item);
			RoadmapService.Objective target = roadmap.objectives(key)
				.stream()
				.filter(o -> objective != null && o.id() == objective)
				.findFirst()
				.orElseThrow(() -> DomainProblem.invalid("objective", "choose one of the objectives"));
			try {
				roadmap.alignAlso(itemKey, target.id());
			}
			catch (DomainProblem e) {
				// an item that is not there is a typing mistake in this form, not a 404
				if (e.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
					throw noSuchItem(product, item);
				}
				throw e;
			}
			return toRoadmap(key, "toast", itemKey + " is aligned with " + target.title() + ".", redirect);
		}
		catch (DomainProblem e) {
			// the Align form again with what was typed, the reason next to its field
			m.addAttribute("alignError", e.getMessage());
			m.addAttribute("alignItem", item);
			m.addAttribute("alignObjective", objective);
		}
		fill(key, null, m);
		return ROADMAP_VIEW;
	}

	/**
	 * The item a person typed: a key of this product, or a number in it. Another
	 * product's key is refused as any key this product does not have.
	 */
	private static ItemKey itemInProduct(String product, String typed) {
		String text = typed.strip();
		if (text.isEmpty()) {
			throw DomainProblem.invalid("item", "type an item's key, like " + product + "-7");
		}
		ItemKey key = ItemKey.parse(text.chars().allMatch(Character::isDigit) ? product + "-" + text : text)
			.orElseThrow(() -> DomainProblem.invalid("item",
					"'" + shown(text) + "' is no item key (like " + product + "-7)"));
		if (!key.productKey().equals(product)) {
			throw noSuchItem(product, typed);
		}
		return key;
	}

	private static DomainProblem noSuchItem(String product, String typed) {
		return DomainProblem.invalid("item", "'" + shown(typed.strip()) + "' is no item of " + product);
	}

	/** What was typed, cut short for a message. */
	private static String shown(String typed) {
		return typed.length() <= 40 ? typed : typed.substring(0, 39) + "…";
	}

	@PostMapping("/p/{key}/roadmap/links")
	@Requires(Permission.MANAGE_ROADMAP)
	String share(@AuthenticationPrincipal SignedInUser user, @PathVariable String key,
			@RequestParam(defaultValue = "") String name, @RequestParam(required = false) Integer days, Model m,
			RedirectAttributes redirect) {
		try {
			return toRoadmap(key, "link", "/r/" + roadmap.share(key, name, days, user.id()), redirect);
		}
		catch (DomainProblem e) {
			// the link form again, at the foot of the page: the reason in it, what was
			// typed
			// kept
			m.addAttribute("linkError", e.getMessage());
			m.addAttribute("typedLink", Map.of("name", name, "days", days == null ? "" : days.toString()));
		}
		fill(key, null, m);
		return ROADMAP_VIEW;
	}

	@PostMapping("/p/{key}/roadmap/links/{id}/revoke")
	@Requires(Permission.MANAGE_ROADMAP)
	String revoke(@PathVariable String key, @PathVariable long id, RedirectAttributes redirect) {
		var revoked = roadmap.revoke(key, id);
		return toRoadmap(key, "toast", "“" + revoked.label() + "” revoked.", redirect);
	}

	@PostMapping("/p/{key}/roadmap/comments")
	@Requires(Permission.COMMENT)
	String comment(@AuthenticationPrincipal SignedInUser user, @PathVariable String key,
			@RequestParam(defaultValue = "") String entry, @RequestParam(defaultValue = "") String body,
			RedirectAttributes redirect) {
		roadmap.comment(key, entry, body, false, user.id());
		return toRoadmap(key, "toast", "Comment added.", redirect);
	}

	@GetMapping("/p/{key}/releases/{id}/notes")
	String notes(@PathVariable String key, @PathVariable long id, Model m) {
		RoadmapService.ReleaseNotes notes = roadmap.releaseNotes(key, id);
		m.addAttribute("notes", notes);
		m.addAttribute("releaseId", id);
		// rendered as every other Markdown: raw HTML escaped, unsafe link targets dropped
		m.addAttribute("publishedHtml", markdown.render(notes.published()));
		m.addAttribute("draftHtml", markdown.render(notes.draft()));
		return NOTES_VIEW;
	}

	@PostMapping("/p/{key}/releases/{id}/notes")
	@Requires(Permission.EDIT_BACKLOG)
	String publish(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @PathVariable long id,
			@RequestParam(defaultValue = "") String markdown, Model m, RedirectAttributes redirect) {
		try {
			roadmap.publishReleaseNotes(key, id, markdown, user.id());
			redirect.addFlashAttribute("toast", "Release notes published.");
			return "redirect:/p/" + key.toUpperCase(Locale.ROOT) + "/releases/" + id + "/notes";
		}
		catch (DomainProblem e) {
			// the notes editor again with what was typed
			m.addAttribute("error", e.getMessage());
			m.addAttribute("typed", markdown);
		}
		return notes(key, id, m);
	}

	/** The roadmap for someone with the link: read only, no sign-in. */
	@GetMapping("/r/{secret}")
	String shared(@PathVariable String secret, Model m, HttpServletResponse response) {
		var key = roadmap.open(secret);
		if (key.isEmpty()) {
			return ClosedLink.page("This roadmap link", response, m);
		}
		m.addAttribute("roadmap", roadmap.roadmap(key.get(), null));
		return SHARED_VIEW;
	}

	/**
	 * Post/redirect/get: a done change shows the roadmap again with a flash attribute (a
	 * toast, or the new link shown once).
	 */
	private static String toRoadmap(String key, String attribute, String value, RedirectAttributes redirect) {
		redirect.addFlashAttribute(attribute, value);
		return "redirect:/p/" + key.toUpperCase(Locale.ROOT) + "/roadmap";
	}

	private void fill(String key, Long objective, Model m) {
		m.addAttribute("roadmap", roadmap.roadmap(key, objective));
		m.addAttribute("objective", objective);
		m.addAttribute("alignment", roadmap.alignment(key));
		m.addAttribute("links", roadmap.links(key));
		m.addAttribute("comments", roadmap.comments(key));
		m.addAttribute("now", java.time.Instant.now());
	}

}
