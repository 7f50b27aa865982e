package dev.priora.feedback.web;

import java.util.List;
import java.util.Locale;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.priora.accounts.Permission;
import dev.priora.accounts.Requires;
import dev.priora.accounts.SignedInUser;
import dev.priora.problem.DomainProblem;
import dev.priora.backlog.ItemKey;
import dev.priora.feedback.CustomerSuggestions;
import dev.priora.feedback.FeedbackService;
import dev.priora.feedback.FeedbackView;
import dev.priora.feedback.Importance;

/**
 * The feedback page (customer, links, similar feedback and items, merge, the story made
 * from it), suggestions while writing and the demand fragment shown on item pages.
 * Actions answer with the re-rendered part, for htmx. The inbox is
 * {@link InboxPageController}'s.
 */
@Controller
class FeedbackPageController {

	static final String FEEDBACK_VIEW = "feedback/feedback";

	static final String FEEDBACK_CONTENT = "feedback/feedback :: content";

	static final String DEMAND_FRAGMENT = "feedback/demand :: demand";

	static final String STORY_VIEW = "feedback/story";

	static final String SUGGESTIONS_FRAGMENT = "feedback/suggestions :: suggestions";

	private final FeedbackService feedback;

	private final FeedbackPageModel pageModel;

	private final CustomerSuggestions suggestions;

	FeedbackPageController(FeedbackService feedback, FeedbackPageModel pageModel, CustomerSuggestions suggestions) {
		this.feedback = feedback;
		this.pageModel = pageModel;
		this.suggestions = suggestions;
	}

	@GetMapping("/p/{key}/feedback/{id}")
	String feedbackPage(@PathVariable String key, @PathVariable long id, Model model) {
		pageModel.fill(key, id, model);
		return FEEDBACK_VIEW;
	}

	@PostMapping("/p/{key}/feedback/{id}/customer")
	@Requires(Permission.EDIT_BACKLOG)
	String assignCustomer(@PathVariable String key, @PathVariable long id,
			@RequestParam(required = false) Long customerId, Model model,
			@RequestHeader(name = "HX-Request", required = false) String htmx, RedirectAttributes redirect) {
		feedback.assignCustomer(key, id, customerId, null);
		if (htmx == null) {
			return redirect(key, id, "Customer assigned.", redirect);
		}
		return page(key, id, model, htmx);
	}

	@PostMapping("/p/{key}/feedback/{id}/suggestion/confirm")
	@Requires(Permission.EDIT_BACKLOG)
	String confirmSuggestion(@PathVariable String key, @PathVariable long id, Model model,
			@RequestHeader(name = "HX-Request", required = false) String htmx, RedirectAttributes redirect) {
		return decideSuggestion(key, id, "confirm", model, htmx, redirect);
	}

	@PostMapping("/p/{key}/feedback/{id}/suggestion/dismiss")
	@Requires(Permission.EDIT_BACKLOG)
	String dismissSuggestion(@PathVariable String key, @PathVariable long id, Model model,
			@RequestHeader(name = "HX-Request", required = false) String htmx, RedirectAttributes redirect) {
		return decideSuggestion(key, id, "dismiss", model, htmx, redirect);
	}

	private String decideSuggestion(String key, long id, String decision, Model model, String htmx,
			RedirectAttributes redirect) {
		FeedbackView f = "confirm".equals(decision) ? suggestions.confirm(key, id) : suggestions.dismiss(key, id);
		String done = "confirm".equals(decision)
				? "The feedback is now " + f.customerName() + "'s, and its sender one of their contacts."
				: "Suggestion dismissed.";
		if (htmx == null) {
			return redirect(key, id, done, redirect);
		}
		model.addAttribute("notice", done);
		return page(key, id, model, htmx);
	}

	@PostMapping("/p/{key}/feedback/{id}/links")
	@Requires(Permission.EDIT_BACKLOG)
	String link(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @PathVariable long id,
			@RequestParam String item, @RequestParam(defaultValue = "IMPORTANT") String importance,
			@RequestParam(defaultValue = "") String quote, Model model,
			@RequestHeader(name = "HX-Request", required = false) String htmx, RedirectAttributes redirect) {
		ItemKey itemKey = ItemKey
			.parse(item.strip().chars().allMatch(Character::isDigit) ? key.toUpperCase(Locale.ROOT) + "-" + item.strip()
					: item)
			.orElseThrow(() -> DomainProblem.invalid("item", "'" + item + "' is no item key like SHOP-7"));
		feedback.link(key, id, itemKey, Importance.valueOf(importance), quote, user.id());
		if (htmx == null) {
			return redirect(key, id, "Linked to " + itemKey + ".", redirect);
		}
		return page(key, id, model, htmx);
	}

	@PostMapping("/p/{key}/feedback/{id}/merge")
	@Requires(Permission.EDIT_BACKLOG)
	String merge(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @PathVariable long id,
			@RequestParam long into, Model model, @RequestHeader(name = "HX-Request", required = false) String htmx,
			RedirectAttributes redirect) {
		feedback.merge(key, id, into, user.id());
		if (htmx == null) {
			return redirect(key, id, "Merged into feedback #" + into + ".", redirect);
		}
		model.addAttribute("notice", "Merged into feedback #" + into + ".");
		return page(key, id, model, htmx);
	}

	@GetMapping("/p/{key}/feedback/{id}/story")
	String storyDialog(@PathVariable String key, @PathVariable long id, Model model) {
		model.addAttribute("f", feedback.get(key, id));
		model.addAttribute("draft", feedback.storyDraft(key, id));
		return STORY_VIEW;
	}

	@PostMapping("/p/{key}/feedback/{id}/story")
	@Requires(Permission.EDIT_BACKLOG)
	String createStory(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @PathVariable long id,
			@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String role,
			@RequestParam(defaultValue = "") String want, @RequestParam(defaultValue = "") String benefit,
			@RequestParam(defaultValue = "") String details, @RequestParam(defaultValue = "") List<String> criteria,
			Model model, RedirectAttributes redirect) {
		var parts = new dev.priora.feedback.engine.StoryDrafter.Draft(title, role, want, benefit, "",
				criteria.stream().filter(c -> c != null && !c.isBlank()).toList());
		try {
			ItemKey item = feedback.convertToStory(key, id, title, parts, details, criteria, user.id());
			redirect.addFlashAttribute("toast", "Story " + item + " created and linked to feedback #" + id + ".");
			return "redirect:/p/" + item.productKey() + "/items/" + item;
		}
		catch (DomainProblem e) {
			// the story form again with what was typed, the reason above it
			model.addAttribute("error", e.getMessage());
			model.addAttribute("f", feedback.get(key, id));
			model.addAttribute("draft", parts);
			model.addAttribute("details", details);
			return STORY_VIEW;
		}
	}

	/**
	 * Suggestions while writing: the feedback and items most like the title typed so far
	 * (htmx fragment).
	 */
	@GetMapping("/p/{key}/similar")
	String suggestions(@PathVariable String key, @RequestParam(defaultValue = "") String title, Model model) {
		model.addAttribute("suggestions", title.strip().length() < 3 ? List.of()
				: feedback.similarTo(key, title.length() > 300 ? title.substring(0, 300) : title, "", 5));
		return SUGGESTIONS_FRAGMENT;
	}

	@GetMapping("/p/{key}/items/{itemKey}/demand")
	String demand(@PathVariable String key, @PathVariable String itemKey, Model model) {
		model.addAttribute("demand", feedback.demand(key, ItemKey.inProduct(key, itemKey)));
		return DEMAND_FRAGMENT;
	}

	private String page(String key, long id, Model model, String htmx) {
		pageModel.fill(key, id, model);
		return htmx == null ? FEEDBACK_VIEW : FEEDBACK_CONTENT;
	}

	/**
	 * A form posted without htmx (no script) that succeeded redirects, with a toast, to
	 * the feedback page (id given) or the inbox: post/redirect/get. htmx swaps the part
	 * instead.
	 */
	static String redirect(String key, Long id, String toast, RedirectAttributes redirect) {
		redirect.addFlashAttribute("toast", toast);
		return "redirect:/p/" + key.toUpperCase(Locale.ROOT) + "/feedback" + (id == null ? "" : "/" + id);
	}

}
