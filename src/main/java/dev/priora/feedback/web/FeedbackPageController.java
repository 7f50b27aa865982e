package dev.priora.feedback.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

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
import dev.priora.backlog.BacklogProblem;
import dev.priora.backlog.ItemKey;
import dev.priora.feedback.Channel;
import dev.priora.feedback.CustomerService;
import dev.priora.feedback.CustomerSuggestions;
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

	static final String INBOX_ROWS = "feedback/inbox :: rows";

	private static final int PAGE = 50;

	static final String FEEDBACK_VIEW = "feedback/feedback";

	static final String FEEDBACK_CONTENT = "feedback/feedback :: content";

	static final String DEMAND_FRAGMENT = "feedback/demand :: demand";

	static final String STORY_VIEW = "feedback/story";

	static final String SUGGESTIONS_FRAGMENT = "feedback/suggestions :: suggestions";

	private final FeedbackService feedback;

	private final CustomerService customers;

	private final CustomerSuggestions suggestions;

	FeedbackPageController(FeedbackService feedback, CustomerService customers, CustomerSuggestions suggestions) {
		this.feedback = feedback;
		this.customers = customers;
		this.suggestions = suggestions;
	}

	/**
	 * The inbox filter as in the filter bar (blanks mean any; status defaults to new);
	 * dates are days, {@code to} inclusive.
	 */
	record InboxFilter(String status, Long customer, String segment, String tag, String channel, LocalDate from,
			LocalDate to) {

		static final InboxFilter NEW = new InboxFilter("NEW", null, "", "", "", null, null);

		String statusOrNew() {
			return status == null ? "NEW" : status;
		}

		FeedbackFilter toFilter() {
			String st = statusOrNew();
			FeedbackStatus s = st.isBlank() || "ALL".equalsIgnoreCase(st) ? null
					: FeedbackStatus.valueOf(st.toUpperCase(Locale.ROOT));
			Channel c = channel == null || channel.isBlank() ? null : Channel.valueOf(channel.toUpperCase(Locale.ROOT));
			return new FeedbackFilter(s, c, customer, segment, tag,
					from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant(),
					to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
		}
	}

	@GetMapping("/p/{key}/feedback")
	String inbox(@PathVariable String key, InboxFilter filter, @RequestParam(required = false) Long cursor,
			@RequestHeader(name = "HX-Target", required = false) String target, Model model) {
		fillInbox(key, filter, cursor, model);
		return "inbox-more".equals(target) ? INBOX_ROWS : INBOX_VIEW;
	}

	@PostMapping("/p/{key}/feedback/bulk")
	@Requires(Permission.EDIT_BACKLOG)
	String bulk(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, InboxFilter filter,
			@RequestParam(required = false) List<Long> ids, @RequestParam(defaultValue = "") String action,
			@RequestParam(defaultValue = "") String item, @RequestParam(defaultValue = "IMPORTANT") String importance,
			Model model, @RequestHeader(name = "HX-Request", required = false) String htmx,
			RedirectAttributes redirect) {
		try {
			if (ids == null || ids.isEmpty()) {
				throw BacklogProblem.invalid("ids", "select feedback first");
			}
			boolean link = "LINK".equals(action);
			FeedbackStatus status = link || action.isBlank() ? null
					: FeedbackStatus.valueOf(action.toUpperCase(Locale.ROOT));
			ItemKey itemKey = null;
			if (link) {
				String full = item.strip().chars().allMatch(Character::isDigit) && !item.isBlank()
						? key.toUpperCase(Locale.ROOT) + "-" + item.strip() : item.strip().toUpperCase(Locale.ROOT);
				itemKey = ItemKey.parse(full)
					.orElseThrow(() -> BacklogProblem.invalid("item", "'" + item + "' is no item key"));
			}
			int n = feedback
				.bulk(key, ids, status, itemKey, Importance.valueOf(importance.toUpperCase(Locale.ROOT)), user.id())
				.size();
			String done = n + " feedback "
					+ (link ? "linked to " + itemKey : "moved to " + status.name().toLowerCase(Locale.ROOT)) + ".";
			if (htmx == null) {
				return redirect(key, null, done, redirect);
			}
			model.addAttribute("bulkDone", done);
		}
		catch (BacklogProblem | IllegalArgumentException e) {
			model.addAttribute("error", e.getMessage());
		}
		fillInbox(key, filter, null, model);
		return htmx == null ? INBOX_VIEW : INBOX_LIST;
	}

	@PostMapping("/p/{key}/feedback")
	@Requires(Permission.SUBMIT_FEEDBACK)
	String submit(@AuthenticationPrincipal SignedInUser user, @PathVariable String key,
			@RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String text,
			@RequestParam(required = false) Long customerId, @RequestParam(defaultValue = "") String tags, Model model,
			@RequestHeader(name = "HX-Request", required = false) String htmx, RedirectAttributes redirect) {
		try {
			FeedbackView created = feedback.create(key, new FeedbackDraft(title, text, customerId, null, Channel.MANUAL,
					null, tags.isBlank() ? List.of() : List.of(tags.split("[,;]")), null), user.id());
			if (htmx == null) {
				return redirect(key, null, "Feedback #" + created.id() + " added.", redirect);
			}
			model.addAttribute("created", created.id());
		}
		catch (BacklogProblem e) {
			model.addAttribute("error", e.getMessage());
			model.addAttribute("draftTitle", title);
			model.addAttribute("draftText", text);
		}
		fillInbox(key, InboxFilter.NEW, null, model);
		return htmx == null ? INBOX_VIEW : INBOX_LIST;
	}

	@PostMapping("/p/{key}/feedback/{id}/status")
	@Requires(Permission.EDIT_BACKLOG)
	String triage(@PathVariable String key, @PathVariable long id, @RequestParam(name = "next") String status,
			@RequestParam long version, @RequestParam(name = "view", defaultValue = "") String from, InboxFilter filter,
			Model model, @RequestHeader(name = "HX-Request", required = false) String htmx, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			var changed = feedback.changeStatus(key, id, FeedbackStatus.valueOf(status.toUpperCase(Locale.ROOT)),
					version);
			String done = "Feedback #" + id + " is " + changed.status().name().toLowerCase(Locale.ROOT) + ".";
			if (htmx == null) {
				return redirect(key, "page".equals(from) ? id : null, done, redirect);
			}
			// the row leaves the inbox: a toast says where it went (priora.js listens to
			// "priora:toast")
			response.setHeader("HX-Trigger", "{\"priora:toast\": {\"message\": \"" + done + "\"}}");
		}
		catch (BacklogProblem e) {
			BacklogProblem.rethrowNotFound(e);
			model.addAttribute("error", e.getMessage());
		}
		catch (IllegalArgumentException e) {
			model.addAttribute("error", e.getMessage());
		}
		if ("page".equals(from)) {
			return page(key, id, model, htmx);
		}
		fillInbox(key, filter, null, model);
		return htmx == null ? INBOX_VIEW : INBOX_LIST;
	}

	@GetMapping("/p/{key}/feedback/{id}")
	String feedbackPage(@PathVariable String key, @PathVariable long id, Model model) {
		fillPage(key, id, model);
		return FEEDBACK_VIEW;
	}

	@PostMapping("/p/{key}/feedback/{id}/customer")
	@Requires(Permission.EDIT_BACKLOG)
	String assignCustomer(@PathVariable String key, @PathVariable long id,
			@RequestParam(required = false) Long customerId, Model model,
			@RequestHeader(name = "HX-Request", required = false) String htmx, RedirectAttributes redirect) {
		try {
			feedback.assignCustomer(key, id, customerId, null);
			if (htmx == null) {
				return redirect(key, id, "Customer assigned.", redirect);
			}
		}
		catch (BacklogProblem e) {
			model.addAttribute("error", e.getMessage());
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
		try {
			FeedbackView f = "confirm".equals(decision) ? suggestions.confirm(key, id) : suggestions.dismiss(key, id);
			String done = "confirm".equals(decision)
					? "The feedback is now " + f.customerName() + "'s, and its sender one of their contacts."
					: "Suggestion dismissed.";
			if (htmx == null) {
				return redirect(key, id, done, redirect);
			}
			model.addAttribute("notice", done);
		}
		catch (BacklogProblem e) {
			model.addAttribute("error", e.getMessage());
		}
		return page(key, id, model, htmx);
	}

	@PostMapping("/p/{key}/feedback/{id}/links")
	@Requires(Permission.EDIT_BACKLOG)
	String link(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @PathVariable long id,
			@RequestParam String item, @RequestParam(defaultValue = "IMPORTANT") String importance,
			@RequestParam(defaultValue = "") String quote, Model model,
			@RequestHeader(name = "HX-Request", required = false) String htmx, RedirectAttributes redirect) {
		try {
			ItemKey itemKey = ItemKey
				.parse(item.strip().chars().allMatch(Character::isDigit)
						? key.toUpperCase(Locale.ROOT) + "-" + item.strip() : item)
				.orElseThrow(() -> BacklogProblem.invalid("item", "'" + item + "' is no item key like SHOP-7"));
			feedback.link(key, id, itemKey, Importance.valueOf(importance), quote, user.id());
			if (htmx == null) {
				return redirect(key, id, "Linked to " + itemKey + ".", redirect);
			}
		}
		catch (BacklogProblem | IllegalArgumentException e) {
			model.addAttribute("error", e.getMessage());
		}
		return page(key, id, model, htmx);
	}

	@PostMapping("/p/{key}/feedback/{id}/merge")
	@Requires(Permission.EDIT_BACKLOG)
	String merge(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @PathVariable long id,
			@RequestParam long into, Model model, @RequestHeader(name = "HX-Request", required = false) String htmx,
			RedirectAttributes redirect) {
		try {
			feedback.merge(key, id, into, user.id());
			if (htmx == null) {
				return redirect(key, id, "Merged into feedback #" + into + ".", redirect);
			}
			model.addAttribute("notice", "Merged into feedback #" + into + ".");
		}
		catch (BacklogProblem e) {
			model.addAttribute("error", e.getMessage());
		}
		return page(key, id, model, htmx);
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
		catch (BacklogProblem e) {
			model.addAttribute("error", e.getMessage());
			model.addAttribute("productKey", key.toUpperCase(Locale.ROOT));
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
		model.addAttribute("productKey", key.toUpperCase(Locale.ROOT));
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
		fillPage(key, id, model);
		return htmx == null ? FEEDBACK_VIEW : FEEDBACK_CONTENT;
	}

	/**
	 * A form posted without htmx (no script) that succeeded redirects, with a toast, to
	 * the feedback page (id given) or the inbox: post/redirect/get. htmx swaps the part
	 * instead.
	 */
	private static String redirect(String key, Long id, String toast, RedirectAttributes redirect) {
		redirect.addFlashAttribute("toast", toast);
		return "redirect:/p/" + key.toUpperCase(Locale.ROOT) + "/feedback" + (id == null ? "" : "/" + id);
	}

	private void fillPage(String key, long id, Model model) {
		FeedbackView f = feedback.get(key, id);
		model.addAttribute("productKey", key.toUpperCase(Locale.ROOT));
		model.addAttribute("f", f);
		model.addAttribute("similar", feedback.similarTo(key, id, 8));
		model.addAttribute("importances", Importance.values());
		model.addAttribute("customers", customers.list(key));
	}

	private void fillInbox(String key, InboxFilter filter, Long cursor, Model model) {
		model.addAttribute("productKey", key.toUpperCase(Locale.ROOT));
		model.addAttribute("filter", filter);
		model.addAttribute("status",
				filter.statusOrNew().isBlank() ? "ALL" : filter.statusOrNew().toUpperCase(Locale.ROOT));
		model.addAttribute("statuses", FeedbackStatus.values());
		model.addAttribute("channels", Channel.values());
		model.addAttribute("customers", customers.list(key));
		model.addAttribute("importances", Importance.values());
		FeedbackFilter f;
		try {
			f = filter.toFilter();
		}
		catch (IllegalArgumentException e) {
			model.addAttribute("error", "Unknown status or channel in the filter.");
			f = InboxFilter.NEW.toFilter();
		}
		List<FeedbackView> page = feedback.page(key, f, cursor, PAGE);
		model.addAttribute("feedback", page);
		model.addAttribute("nextCursor", page.size() == PAGE ? page.get(page.size() - 1).id() : null);
	}

}
