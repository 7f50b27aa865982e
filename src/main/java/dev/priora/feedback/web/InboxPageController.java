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
import dev.priora.problem.DomainProblem;
import dev.priora.backlog.ItemKey;
import dev.priora.feedback.Channel;
import dev.priora.feedback.CustomerFollowups;
import dev.priora.feedback.CustomerService;
import dev.priora.feedback.FeedbackDraft;
import dev.priora.feedback.FeedbackFilter;
import dev.priora.feedback.FeedbackKind;
import dev.priora.feedback.FeedbackService;
import dev.priora.feedback.FeedbackStatus;
import dev.priora.feedback.FeedbackView;
import dev.priora.feedback.Importance;

/**
 * The feedback inbox: filters, pages of rows, new feedback, triage (keyboard-driven) and
 * bulk changes of the selected rows. Actions answer with the re-rendered list, for htmx.
 */
@Controller
class InboxPageController {

	static final String INBOX_VIEW = "feedback/inbox";

	static final String INBOX_LIST = "feedback/inbox :: list";

	static final String INBOX_ROWS = "feedback/inbox :: rows";

	private static final int PAGE = 50;

	private final FeedbackService feedback;

	private final CustomerService customers;

	private final FeedbackPageModel pageModel;

	private final CustomerFollowups followups;

	InboxPageController(FeedbackService feedback, CustomerService customers, FeedbackPageModel pageModel,
			CustomerFollowups followups) {
		this.feedback = feedback;
		this.customers = customers;
		this.pageModel = pageModel;
		this.followups = followups;
	}

	/**
	 * The inbox filter as in the filter bar (blanks mean any; status defaults to new);
	 * dates are days, {@code to} inclusive.
	 */
	record InboxFilter(String status, Long customer, String segment, String tag, String channel, LocalDate from,
			LocalDate to, String kind, String sort) {

		static final InboxFilter NEW = new InboxFilter("NEW", null, "", "", "", null, null, "", "");

		String statusOrNew() {
			return status == null ? "NEW" : status;
		}

		FeedbackFilter toFilter() {
			String st = statusOrNew();
			FeedbackStatus s = st.isBlank() || "ALL".equalsIgnoreCase(st) ? null
					: FeedbackStatus.valueOf(st.toUpperCase(Locale.ROOT));
			Channel c = channel == null || channel.isBlank() ? null : Channel.valueOf(channel.toUpperCase(Locale.ROOT));
			FeedbackKind k = kind == null || kind.isBlank() ? null
					: FeedbackKind.valueOf(kind.toUpperCase(Locale.ROOT));
			return new FeedbackFilter(s, c, customer, segment, tag,
					from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant(),
					to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), k,
					"kind".equals(sort));
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
		if (ids == null || ids.isEmpty()) {
			throw DomainProblem.invalid("ids", "select feedback first");
		}
		boolean link = "LINK".equals(action);
		FeedbackStatus status = link || action.isBlank() ? null
				: FeedbackStatus.valueOf(action.toUpperCase(Locale.ROOT));
		ItemKey itemKey = null;
		if (link) {
			String full = item.strip().chars().allMatch(Character::isDigit) && !item.isBlank()
					? key.toUpperCase(Locale.ROOT) + "-" + item.strip() : item.strip().toUpperCase(Locale.ROOT);
			itemKey = ItemKey.parse(full)
				.orElseThrow(() -> DomainProblem.invalid("item", "'" + item + "' is no item key"));
		}
		int n = feedback
			.bulk(key, ids, status, itemKey, Importance.valueOf(importance.toUpperCase(Locale.ROOT)), user.id())
			.size();
		String done = n + " feedback "
				+ (link ? "linked to " + itemKey : "moved to " + status.name().toLowerCase(Locale.ROOT)) + ".";
		if (htmx == null) {
			return FeedbackPageController.redirect(key, null, done, redirect);
		}
		model.addAttribute("bulkDone", done);
		fillInbox(key, filter, null, model);
		return INBOX_LIST;
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
				return FeedbackPageController.redirect(key, null, "Feedback “" + created.headline() + "” added.",
						redirect);
			}
			model.addAttribute("created", created.id());
		}
		catch (DomainProblem e) {
			// shown again with what was typed, the reason above the form
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
		var changed = feedback.changeStatus(key, id, FeedbackStatus.valueOf(status.toUpperCase(Locale.ROOT)), version);
		String done = "“" + changed.headline() + "” is " + changed.status().name().toLowerCase(Locale.ROOT) + ".";
		if (htmx == null) {
			return FeedbackPageController.redirect(key, "page".equals(from) ? id : null, done, redirect);
		}
		// the row leaves the inbox: a toast says where it went (priora.js listens to
		// "priora:toast")
		response.setHeader("HX-Trigger", "{\"priora:toast\": {\"message\": \"" + done + "\"}}");
		if ("page".equals(from)) {
			pageModel.fill(key, id, model);
			return FeedbackPageController.FEEDBACK_CONTENT;
		}
		fillInbox(key, filter, null, model);
		return INBOX_LIST;
	}

	private void fillInbox(String key, InboxFilter filter, Long cursor, Model model) {
		model.addAttribute("filter", filter);
		model.addAttribute("status",
				filter.statusOrNew().isBlank() ? "ALL" : filter.statusOrNew().toUpperCase(Locale.ROOT));
		model.addAttribute("statuses", FeedbackStatus.values());
		model.addAttribute("channels", Channel.values());
		model.addAttribute("kinds", FeedbackKind.values());
		model.addAttribute("customers", customers.list(key));
		model.addAttribute("importances", Importance.values());
		FeedbackFilter f;
		try {
			f = filter.toFilter();
		}
		catch (IllegalArgumentException e) {
			model.addAttribute("error", "Unknown status, channel or kind in the filter.");
			f = InboxFilter.NEW.toFilter();
		}
		List<FeedbackView> page = feedback.page(key, f, cursor, PAGE);
		model.addAttribute("feedback", page);
		model.addAttribute("told", followups.toldAt(key, page.stream().map(FeedbackView::id).toList()));
		model.addAttribute("nextCursor", page.size() == PAGE ? page.get(page.size() - 1).id() : null);
	}

}
