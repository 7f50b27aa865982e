package dev.priora.portal.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.priora.backlog.web.MarkdownRenderer;
import dev.priora.portal.IdeaSort;
import dev.priora.portal.IdeaSummary;
import dev.priora.portal.Ideas;
import dev.priora.portal.PortalSettings;
import dev.priora.portal.PortalVisitor;
import dev.priora.problem.DomainProblem;

/**
 * The portal's idea list for visitors, posting an idea, the similar ideas shown while
 * typing (htmx) and the list as JSON. The path variable is {@code portal}, not
 * {@code key}: these pages are not the team's product pages.
 */
@Controller
class PortalPageController {

	static final String IDEAS_VIEW = "portal/ideas";

	static final String SIMILAR_VIEW = "portal/parts :: similar";

	private final PortalPages pages;

	private final Ideas ideas;

	private final MarkdownRenderer markdown;

	PortalPageController(PortalPages pages, Ideas ideas, MarkdownRenderer markdown) {
		this.pages = pages;
		this.ideas = ideas;
		this.markdown = markdown;
	}

	@GetMapping("/portal/{portal}")
	String list(@PathVariable String portal, @RequestParam(defaultValue = "trending") String sort,
			@RequestParam(defaultValue = "") String category, HttpServletRequest request, Model model) {
		PortalSettings settings = pages.open(request, portal);
		PortalVisitor visitor = pages.visitor(request, portal);
		show(model, settings, visitor, sort, category);
		return IDEAS_VIEW;
	}

	@PostMapping("/portal/{portal}/ideas")
	String post(@PathVariable String portal, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String text, @RequestParam(defaultValue = "") String category,
			@RequestParam(defaultValue = "") String website, HttpServletRequest request, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		PortalSettings settings = pages.open(request, portal);
		PortalVisitor visitor = pages.visitor(request, portal);
		if (visitor == null) {
			return "redirect:/portal/" + settings.productKey() + "/sign-in";
		}
		try {
			long id = ideas.post(settings, visitor, title, text, category, website, request.getRemoteAddr());
			redirect.addFlashAttribute("toast", settings.holdNewIdeas()
					? "Thank you: your idea waits for the team's review. Until they approve it, only you see it."
					: "Your idea is posted.");
			return id == 0 ? "redirect:/portal/" + settings.productKey()
					: "redirect:/portal/" + settings.productKey() + "/ideas/" + id;
		}
		catch (DomainProblem e) {
			// the list again with what was typed and the reason next to the form; a
			// throttled post answers 429 (what a script or a bot sees)
			if (e.getStatusCode().value() == HttpStatus.TOO_MANY_REQUESTS.value()) {
				response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			}
			model.addAttribute("error", e.getMessage());
			model.addAttribute("draftTitle", title);
			model.addAttribute("draftText", text);
			model.addAttribute("draftCategory", category);
			show(model, settings, visitor, "trending", "");
			return IDEAS_VIEW;
		}
	}

	@GetMapping("/portal/{portal}/similar")
	String similar(@PathVariable String portal, @RequestParam(defaultValue = "") String title,
			@RequestParam(defaultValue = "") String text, HttpServletRequest request, Model model) {
		PortalSettings settings = pages.open(request, portal);
		model.addAttribute("portal", settings);
		model.addAttribute("similar", ideas.similar(settings, title, text, pages.visitor(request, portal), 5));
		return SIMILAR_VIEW;
	}

	/**
	 * A visitor's small JSON API: the list as the page shows it, or the ideas whose title
	 * or text contains {@code q}.
	 */
	@GetMapping(path = { "/portal/{portal}/api/ideas", "/portal/{portal}/ideas.json" }, produces = "application/json")
	@ResponseBody
	List<IdeaSummary> json(@PathVariable String portal, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "trending") String sort, @RequestParam(defaultValue = "") String category,
			HttpServletRequest request) {
		PortalSettings settings = pages.open(request, portal);
		return ideas.search(settings, q, sort(sort), category, pages.visitor(request, portal));
	}

	private void show(Model model, PortalSettings settings, PortalVisitor visitor, String sort, String category) {
		pages.header(model, settings, visitor, "ideas");
		IdeaSort order = sort(sort);
		model.addAttribute("sort", order.name().toLowerCase(Locale.ROOT));
		model.addAttribute("sorts", List.of("trending", "top", "new"));
		model.addAttribute("category", settings.categories().contains(category) ? category : "");
		model.addAttribute("ideas", ideas.list(settings, order, category, visitor));
		model.addAttribute("introHtml", settings.intro().isEmpty() ? "" : markdown.render(settings.intro()));
	}

	private static IdeaSort sort(String sort) {
		for (IdeaSort s : IdeaSort.values()) {
			if (s.name().equalsIgnoreCase(sort)) {
				return s;
			}
		}
		return IdeaSort.TRENDING;
	}

}
