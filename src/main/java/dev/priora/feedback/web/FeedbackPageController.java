package dev.priora.feedback.web;

import java.util.List;
import java.util.Locale;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.priora.accounts.Permission;
import dev.priora.accounts.Requires;
import dev.priora.accounts.SignedInUser;
import dev.priora.backlog.BacklogProblem;
import dev.priora.backlog.ItemKey;
import dev.priora.feedback.Channel;
import dev.priora.feedback.CustomerService;
import dev.priora.feedback.FeedbackDraft;
import dev.priora.feedback.FeedbackFilter;
import dev.priora.feedback.FeedbackService;
import dev.priora.feedback.FeedbackStatus;
import dev.priora.feedback.FeedbackView;
import dev.priora.feedback.Importance;

/**
 * The feedback inbox (triage, keyboard-driven), the feedback page (links, similar
 * feedback and items, merge) and the demand fragment shown on item pages. Actions answer
 * with the re-rendered part, for htmx.
 */
@Controller
class FeedbackPageController {

	static final String INBOX_VIEW = "feedback/inbox";

	static final String INBOX_LIST = "feedback/inbox :: list";

	static final String FEEDBACK_VIEW = "feedback/feedback";

	static final String FEEDBACK_CONTENT = "feedback/feedback :: content";

	static final String DEMAND_FRAGMENT = "feedback/demand :: demand";

	static final String STORY_VIEW = "feedback/story";

	static final String SUGGESTIONS_FRAGMENT = "feedback/suggestions :: suggestions";

	private final FeedbackService feedback;

	private final CustomerService customers;

	FeedbackPageController(FeedbackService feedback, CustomerService customers) {
		this.feedback = feedback;
		this.customers = customers;
	}

	@GetMapping("/p/{key}/feedback")
	String inbox(@PathVariable String key, @RequestParam(defaultValue = "NEW") String status,
			@RequestParam(required = false) Long customer, @RequestParam(defaultValue = "") String segment,
			@RequestParam(defaultValue = "") String tag, Model model) {
		fillInbox(key, status, customer, segment, tag, model);
		return INBOX_VIEW;
	}

	@PostMapping("/p/{key}/feedback")
	@Requires(Permission.SUBMIT_FEEDBACK)
	String submit(@AuthenticationPrincipal SignedInUser user, @PathVariable String key,
			@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String text,
			@RequestParam(required = false) Long customerId, @RequestParam(defaultValue = "") String tags,
			Model model) {
		try {
			FeedbackView created = feedback.create(key, new FeedbackDraft(title, text, customerId, null, Channel.MANUAL,
					null, tags.isBlank() ? List.of() : List.of(tags.split("[,;]")), null), user.id());
			model.addAttribute("created", created.id());
		}
		catch (BacklogProblem e) {
			model.addAttribute("error", e.getMessage());
			model.addAttribute("draftTitle", title);
			model.addAttribute("draftText", text);
		}
		fillInbox(key, "NEW", null, "", "", model);
		return INBOX_LIST;
	}

	@PostMapping("/p/{key}/feedback/{id}/status")
	@Requires(Permission.EDIT_BACKLOG)
	String triage(@PathVariable String key, @PathVariable long id, @RequestParam String status,
			@RequestParam long version, @RequestParam(defaultValue = "") String from, Model model) {
		try {
			feedback.changeStatus(key, id, FeedbackStatus.valueOf(status.toUpperCase(Locale.ROOT)), version);
		}
		catch (BacklogProblem | IllegalArgumentException e) {
			model.addAttribute("error", e.getMessage());
		}
		if ("page".equals(from)) {
			return page(key, id, model);
		}
		fillInbox(key, "NEW", null, "", "", model);
		return INBOX_LIST;
	}

	@GetMapping("/p/{key}/feedback/{id}")
	String feedbackPage(@PathVariable String key, @PathVariable long id, Model model) {
		fillPage(key, id, model);
		return FEEDBACK_VIEW;
	}

	@PostMapping("/p/{key}/feedback/{id}/links")
	@Requires(Permission.EDIT_BACKLOG)
	String link(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @PathVariable long id,
			@RequestParam String item, @RequestParam(defaultValue = "IMPORTANT") String importance,
			@RequestParam(defaultValue = "") String quote, Model model) {
		try {
			ItemKey itemKey = ItemKey
				.parse(item.strip().chars().allMatch(Character::isDigit)
						? key.toUpperCase(Locale.ROOT) + "-" + item.strip() : item)
				.orElseThrow(() -> BacklogProblem.invalid("item", "'" + item + "' is no item key like SHOP-7"));
			feedback.link(key, id, itemKey, Importance.valueOf(importance), quote, user.id());
		}
		catch (BacklogProblem | IllegalArgumentException e) {
			model.addAttribute("error", e.getMessage());
		}
		return page(key, id, model);
	}

	@PostMapping("/p/{key}/feedback/{id}/merge")
	@Requires(Permission.EDIT_BACKLOG)
	String merge(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @PathVariable long id,
			@RequestParam long into, Model model) {
		try {
			feedback.merge(key, id, into, user.id());
			model.addAttribute("notice", "Merged into feedback " + into + ".");
		}
		catch (BacklogProblem e) {
			model.addAttribute("error", e.getMessage());
		}
		return page(key, id, model);
	}

	@GetMapping("/p/{key}/feedback/{id}/story")
	String storyDialog(@PathVariable String key, @PathVariable long id, Model model) {
		model.addAttribute("productKey", key.toUpperCase(Locale.ROOT));
		model.addAttribute("f", feedback.get(key, id));
		model.addAttribute("draft", feedback.storyDraft(key, id));
		return STORY_VIEW;
	}

	@PostMapping("/p/{key}/feedback/{id}/story")
	@Requires(Permission.EDIT_BACKLOG)
	String createStory(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @PathVariable long id,
			@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String description,
			@RequestParam(defaultValue = "") List<String> criteria, Model model) {
		try {
			ItemKey item = feedback.convertToStory(key, id, title, description, criteria, user.id());
			return "redirect:/p/" + item.productKey() + "/items/" + item;
		}
		catch (BacklogProblem e) {
			model.addAttribute("error", e.getMessage());
			model.addAttribute("productKey", key.toUpperCase(Locale.ROOT));
			model.addAttribute("f", feedback.get(key, id));
			model.addAttribute("draft",
					new dev.priora.feedback.engine.StoryDrafter.Draft(title, description, criteria));
			return STORY_VIEW;
		}
	}

	/**
	 * Suggestions while writing: the feedback and items most like the title typed so far
	 * (htmx fragment).
	 */
	@GetMapping("/p/{key}/similar")
	String suggestions(@PathVariable String key, @RequestParam(defaultValue = "") String title, Model model) {
		model.addAttribute("productKey", key.toUpperCase(Locale.ROOT));
		model.addAttribute("suggestions", title.strip().length() < 3 ? List.of()
				: feedback.similarTo(key, title.length() > 300 ? title.substring(0, 300) : title, "", 5));
		return SUGGESTIONS_FRAGMENT;
	}

	@GetMapping("/p/{key}/items/{itemKey}/demand")
	String demand(@PathVariable String key, @PathVariable String itemKey, Model model) {
		ItemKey k = ItemKey.parse(itemKey).orElseThrow(() -> BacklogProblem.notFound("Item " + itemKey));
		model.addAttribute("demand", feedback.demand(k));
		return DEMAND_FRAGMENT;
	}

	private String page(String key, long id, Model model) {
		fillPage(key, id, model);
		return FEEDBACK_CONTENT;
	}

	private void fillPage(String key, long id, Model model) {
		FeedbackView f = feedback.get(key, id);
		model.addAttribute("productKey", key.toUpperCase(Locale.ROOT));
		model.addAttribute("f", f);
		model.addAttribute("similar", feedback.similarTo(key, id, 8));
		model.addAttribute("importances", Importance.values());
	}

	private void fillInbox(String key, String status, Long customer, String segment, String tag, Model model) {
		FeedbackStatus s = status.isBlank() || "ALL".equalsIgnoreCase(status) ? null
				: FeedbackStatus.valueOf(status.toUpperCase(Locale.ROOT));
		model.addAttribute("productKey", key.toUpperCase(Locale.ROOT));
		model.addAttribute("status", s == null ? "ALL" : s.name());
		model.addAttribute("statuses", FeedbackStatus.values());
		model.addAttribute("customers", customers.list(key));
		model.addAttribute("feedback",
				feedback.page(key, new FeedbackFilter(s, null, customer, segment, tag, null, null), null, 100));
	}

}
