package dev.priora.roadmap.web;

import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

import dev.priora.accounts.Permission;
import dev.priora.accounts.Requires;
import dev.priora.accounts.SignedInUser;
import dev.priora.backlog.BacklogProblem;
import dev.priora.backlog.ItemKey;
import dev.priora.roadmap.RoadmapService;

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

	RoadmapPageController(RoadmapService roadmap) {
		this.roadmap = roadmap;
	}

	@GetMapping("/p/{key}/roadmap")
	String page(@PathVariable String key, @RequestParam(required = false) Long objective, Model m) {
		fill(key, objective, m);
		return ROADMAP_VIEW;
	}

	@PostMapping("/p/{key}/roadmap/goal")
	@Requires(Permission.MANAGE_ROADMAP)
	String goal(@PathVariable String key, @RequestParam(defaultValue = "") String goal, Model m,
			RedirectAttributes redirect) {
		try {
			roadmap.setGoal(key, goal);
			return toRoadmap(key, "toast", "Product goal saved.", redirect);
		}
		catch (BacklogProblem e) {
			m.addAttribute("error", e.getMessage());
		}
		fill(key, null, m);
		return ROADMAP_VIEW;
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
		catch (BacklogProblem e) {
			m.addAttribute("error", e.getMessage());
		}
		fill(key, null, m);
		return ROADMAP_VIEW;
	}

	@PostMapping("/p/{key}/roadmap/align")
	@Requires(Permission.MANAGE_ROADMAP)
	String align(@PathVariable String key, @RequestParam(defaultValue = "") String item,
			@RequestParam(required = false) Long objective, Model m, RedirectAttributes redirect) {
		try {
			String text = item.strip();
			ItemKey itemKey = ItemKey
				.parse(!text.isEmpty() && text.chars().allMatch(Character::isDigit)
						? key.toUpperCase(Locale.ROOT) + "-" + text : text)
				.orElseThrow(() -> BacklogProblem.invalid("item",
						"'" + item + "' is no item key (like " + key.toUpperCase(Locale.ROOT) + "-7)"));
			if (!itemKey.productKey().equals(key.toUpperCase(Locale.ROOT))) {
				// as for any item this product does not have
				throw BacklogProblem.notFound("Item " + itemKey);
			}
			if (objective == null) {
				throw BacklogProblem.invalid("objective", "choose an objective");
			}
			roadmap.alignAlso(itemKey, objective);
			String title = roadmap.objectives(key)
				.stream()
				.filter(o -> o.id() == objective)
				.map(RoadmapService.Objective::title)
				.findFirst()
				.orElse("the objective");
			return toRoadmap(key, "toast", itemKey + " is aligned with " + title + ".", redirect);
		}
		catch (BacklogProblem e) {
			BacklogProblem.rethrowNotFound(e);
			m.addAttribute("error", e.getMessage());
		}
		fill(key, null, m);
		return ROADMAP_VIEW;
	}

	@PostMapping("/p/{key}/roadmap/links")
	@Requires(Permission.MANAGE_ROADMAP)
	String share(@AuthenticationPrincipal SignedInUser user, @PathVariable String key,
			@RequestParam(required = false) Integer days, Model m, RedirectAttributes redirect) {
		try {
			return toRoadmap(key, "link", "/r/" + roadmap.share(key, days, user.id()), redirect);
		}
		catch (BacklogProblem e) {
			m.addAttribute("error", e.getMessage());
		}
		fill(key, null, m);
		return ROADMAP_VIEW;
	}

	@PostMapping("/p/{key}/roadmap/links/{id}/revoke")
	@Requires(Permission.MANAGE_ROADMAP)
	String revoke(@PathVariable String key, @PathVariable long id, Model m, RedirectAttributes redirect) {
		try {
			roadmap.revoke(key, id);
			return toRoadmap(key, "toast", "Link revoked.", redirect);
		}
		catch (BacklogProblem e) {
			BacklogProblem.rethrowNotFound(e);
			m.addAttribute("error", e.getMessage());
		}
		fill(key, null, m);
		return ROADMAP_VIEW;
	}

	@PostMapping("/p/{key}/roadmap/comments")
	@Requires(Permission.COMMENT)
	String comment(@AuthenticationPrincipal SignedInUser user, @PathVariable String key,
			@RequestParam(defaultValue = "") String entry, @RequestParam(defaultValue = "") String body, Model m,
			RedirectAttributes redirect) {
		try {
			roadmap.comment(key, entry, body, false, user.id());
			return toRoadmap(key, "toast", "Comment added.", redirect);
		}
		catch (BacklogProblem e) {
			m.addAttribute("error", e.getMessage());
		}
		fill(key, null, m);
		return ROADMAP_VIEW;
	}

	@GetMapping("/p/{key}/releases/{id}/notes")
	String notes(@PathVariable String key, @PathVariable long id, Model m) {
		m.addAttribute("productKey", key.toUpperCase(Locale.ROOT));
		m.addAttribute("notes", roadmap.releaseNotes(key, id));
		m.addAttribute("releaseId", id);
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
		catch (BacklogProblem e) {
			m.addAttribute("error", e.getMessage());
		}
		return notes(key, id, m);
	}

	/** The roadmap for someone with the link: read only, no sign-in. */
	@GetMapping("/r/{secret}")
	String shared(@PathVariable String secret, Model m) {
		String key = roadmap.productOf(secret)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "This roadmap link does not work."));
		m.addAttribute("roadmap", roadmap.roadmap(key, null));
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
		m.addAttribute("productKey", key.toUpperCase(Locale.ROOT));
		m.addAttribute("roadmap", roadmap.roadmap(key, objective));
		m.addAttribute("objective", objective);
		m.addAttribute("alignment", roadmap.alignment(key));
		m.addAttribute("links", roadmap.links(key));
		m.addAttribute("comments", roadmap.comments(key));
		m.addAttribute("now", java.time.Instant.now());
	}

}
