package dev.priora.backlog.web;

import java.util.Locale;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.priora.accounts.Permission;
import dev.priora.accounts.Requires;
import dev.priora.accounts.SignedInUser;
import dev.priora.backlog.AssigneeFilter;
import dev.priora.problem.DomainProblem;
import dev.priora.backlog.BacklogService;
import dev.priora.backlog.ItemDraft;
import dev.priora.backlog.ItemFilter;
import dev.priora.backlog.ItemOrder;
import dev.priora.backlog.ItemPage;
import dev.priora.backlog.ItemPlans;
import dev.priora.backlog.ItemSummary;
import dev.priora.backlog.ItemStatus;
import dev.priora.backlog.ItemType;
import dev.priora.backlog.Placement;

/**
 * The backlog page: ordered rows, filters, inline creation and reordering by drag or
 * keyboard.
 */
@Controller
class BacklogPageController {

	static final String BACKLOG_VIEW = "backlog/backlog";
	static final String LIST_FRAGMENT = "backlog/backlog :: list";
	static final String ROWS_FRAGMENT = "backlog/backlog :: rows";

	/**
	 * Rows on the page as it opens: a screen and a half at 1440 × 900. The next rows load
	 * when the end of the list scrolls into view ({@link #PAGE} at a time), so opening
	 * the backlog renders half as much as it would with a full page (docs/BENCHMARKS.md).
	 */
	private static final int FIRST_PAGE = 25;

	private static final int PAGE = 50;

	private final BacklogRows rows;

	private final BacklogService backlog;

	private final ItemPlans plans;

	BacklogPageController(BacklogRows rows, BacklogService backlog, ItemPlans plans) {
		this.rows = rows;
		this.backlog = backlog;
		this.plans = plans;
	}

	/** A filter as typed in the filter bar; blanks mean "any". */
	record FilterForm(String type, String status, String label, String parent, String ready, String q, String demanded,
			String order, String assignee) {

		/** No filter: the whole backlog in its own order. */
		static final FilterForm NONE = new FilterForm(null, null, null, null, null, null, null, null, null);

		ItemFilter toFilter(String productKey, String readerEmail) {
			return new ItemFilter(enumOrNull(ItemType.class, type), enumOrNull(ItemStatus.class, status), label,
					ItemKeys.field("parent", productKey, parent),
					ready == null || ready.isBlank() ? null : Boolean.valueOf(ready), q,
					demanded == null || demanded.isBlank() ? null : Integer.valueOf(demanded.strip()),
					enumOrNull(ItemOrder.class, order), AssigneeFilter.of(assignee, readerEmail));
		}

		/** True when a filter narrows the list. */
		public boolean any() {
			return java.util.stream.Stream.of(type, status, label, parent, ready, q, demanded, assignee)
				.anyMatch(v -> v != null && !v.isBlank());
		}

		/** True when the list is in backlog order, so rows may be dragged. */
		public boolean rankOrder() {
			return order == null || order.isBlank() || "rank".equalsIgnoreCase(order);
		}

		private static <E extends Enum<E>> E enumOrNull(Class<E> type, String v) {
			return v == null || v.isBlank() ? null : Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
		}
	}

	@GetMapping("/p/{key}/backlog")
	String page(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, FilterForm filter,
			@RequestHeader(name = "HX-Target", required = false) String target, Model model) {
		fill(user, key, filter, null, model);
		return "backlog-list".equals(target) ? LIST_FRAGMENT : BACKLOG_VIEW;
	}

	@GetMapping("/p/{key}/backlog/rows")
	String more(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, FilterForm filter,
			@RequestParam String cursor, Model model) {
		fill(user, key, filter, cursor, model);
		return ROWS_FRAGMENT;
	}

	@PostMapping("/p/{key}/backlog/items")
	@Requires(Permission.EDIT_BACKLOG)
	String create(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @RequestParam String type,
			@RequestParam String title, @RequestParam(defaultValue = "bottom") String position,
			@RequestParam(defaultValue = "") String estimate,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			RedirectAttributes redirect) {
		try {
			ItemType t = ItemType.valueOf(type.toUpperCase(Locale.ROOT));
			var created = backlog.create(key,
					new ItemDraft(t, title, "", ItemForm.estimate(estimate), null, null, null),
					ItemKeys.placement(position, key, null), user.id());
			if (htmx == null) {
				redirect.addFlashAttribute("toast", "Created " + created.key() + ".");
				return "redirect:/p/" + created.key().productKey() + "/backlog";
			}
			model.addAttribute("createdKey", created.key().toString());
		}
		catch (DomainProblem e) {
			// the new-item line again with the title typed, the reason next to it
			model.addAttribute("createError", e.getMessage());
			model.addAttribute("draftTitle", title);
			model.addAttribute("draftEstimate", estimate);
		}
		fill(user, key, FilterForm.NONE, null, model);
		return htmx == null ? BACKLOG_VIEW : LIST_FRAGMENT;
	}

	@PostMapping("/p/{key}/backlog/move")
	@Requires(Permission.EDIT_BACKLOG)
	@ResponseBody
	ResponseEntity<String> move(@AuthenticationPrincipal SignedInUser user, @PathVariable String key,
			@RequestParam String item, @RequestParam String position, @RequestParam(required = false) String target) {
		Placement placement = ItemKeys.placement(position, key, target);
		backlog.move(ItemKeys.inPath(key, item), placement, user.id());
		return ResponseEntity.noContent().build();
	}

	private void fill(SignedInUser user, String key, FilterForm filter, String cursor, Model model) {
		var product = rows.product(key, model);
		model.addAttribute("filter", filter);
		model.addAttribute("types", ItemType.values());
		model.addAttribute("statuses", ItemStatus.values());
		model.addAttribute("assignable", backlog.assignable(key));
		ItemPage page;
		try {
			page = backlog.page(key, filter.toFilter(key, user.email()), cursor, cursor == null ? FIRST_PAGE : PAGE);
		}
		catch (DomainProblem | IllegalArgumentException e) {
			// a read: a filter that does not parse shows the whole backlog, the reason in
			// the filter bar
			model.addAttribute("filterError", e.getMessage());
			page = backlog.page(key, ItemFilter.NONE, null, FIRST_PAGE);
		}
		model.addAttribute("page", page);
		model.addAttribute("plans", plans.plans(product.key(), page.items().stream().map(ItemSummary::key).toList()));
	}

}
