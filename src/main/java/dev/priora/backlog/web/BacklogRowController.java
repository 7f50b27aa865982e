package dev.priora.backlog.web;

import java.math.BigDecimal;
import java.util.Arrays;
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
import dev.priora.backlog.BacklogService;
import dev.priora.backlog.BulkEdits;
import dev.priora.backlog.ItemDraft;
import dev.priora.backlog.ItemKey;
import dev.priora.backlog.ItemPlans;
import dev.priora.backlog.ItemStatus;
import dev.priora.backlog.ProductService;

/**
 * Editing on the backlog's rows: status, estimate, labels, release and sprint of one row
 * (htmx answers the row, with the error on it when refused), bulk changes of the selected
 * rows with their undo (post/redirect/get, the undo in the toast), and the item side
 * panel. Release and sprint are planning's, reached through {@link ItemPlans}.
 */
@Controller
class BacklogRowController {

	static final String ROW_FRAGMENT = "backlog/backlog :: row";

	static final String PANEL_FRAGMENT = "backlog/panel :: panel";

	static final int PANEL_HISTORY = 5;

	private final ProductService products;

	private final BacklogService backlog;

	private final BulkEdits bulk;

	private final ItemPlans plans;

	private final MarkdownRenderer markdown;

	private final BacklogRows rows;

	BacklogRowController(ProductService products, BacklogService backlog, BulkEdits bulk, ItemPlans plans,
			MarkdownRenderer markdown, BacklogRows rows) {
		this.rows = rows;
		this.products = products;
		this.backlog = backlog;
		this.bulk = bulk;
		this.plans = plans;
		this.markdown = markdown;
	}

	@PostMapping("/p/{key}/backlog/items/{itemKey}/status")
	@Requires(Permission.WORK_ITEMS)
	String status(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @PathVariable String itemKey,
			@RequestParam String status, @RequestParam long version,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			RedirectAttributes redirect) {
		ItemKey item = ItemKeys.inPath(key, itemKey);
		return edit(item, htmx, model, redirect,
				() -> backlog.changeStatus(item, parseStatus(status), version, false, user.id()));
	}

	@PostMapping("/p/{key}/backlog/items/{itemKey}/estimate")
	@Requires(Permission.WORK_ITEMS)
	String estimate(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @PathVariable String itemKey,
			@RequestParam(defaultValue = "") String estimate, @RequestParam long version,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			RedirectAttributes redirect) {
		ItemKey item = ItemKeys.inPath(key, itemKey);
		return edit(item, htmx, model, redirect, () -> {
			BigDecimal value = parseEstimate(estimate);
			backlog.edit(item, d -> new ItemDraft(d.type(), d.title(), d.description(), value, d.labels(), d.parent(),
					d.acceptanceCriteria()), null, version, false, user.id());
		});
	}

	@PostMapping("/p/{key}/backlog/items/{itemKey}/labels")
	@Requires(Permission.EDIT_BACKLOG)
	String labels(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @PathVariable String itemKey,
			@RequestParam(defaultValue = "") String labels, @RequestParam long version,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			RedirectAttributes redirect) {
		ItemKey item = ItemKeys.inPath(key, itemKey);
		List<String> list = Arrays.stream(labels.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
		return edit(item, htmx, model, redirect,
				() -> backlog.edit(item, d -> new ItemDraft(d.type(), d.title(), d.description(), d.estimate(), list,
						d.parent(), d.acceptanceCriteria()), null, version, false, user.id()));
	}

	@PostMapping("/p/{key}/backlog/items/{itemKey}/release")
	@Requires(Permission.EDIT_BACKLOG)
	String release(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @PathVariable String itemKey,
			@RequestParam(defaultValue = "") String release,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			RedirectAttributes redirect) {
		return plan(user, ItemKeys.inPath(key, itemKey), "release", release, htmx, model, redirect);
	}

	@PostMapping("/p/{key}/backlog/items/{itemKey}/sprint")
	@Requires(Permission.EDIT_BACKLOG)
	String sprint(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @PathVariable String itemKey,
			@RequestParam(defaultValue = "") String sprint,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			RedirectAttributes redirect) {
		return plan(user, ItemKeys.inPath(key, itemKey), "sprint", sprint, htmx, model, redirect);
	}

	/** Puts a row's item in a release or a sprint ({@code field}), or in none. */
	private String plan(SignedInUser user, ItemKey item, String field, String value, String htmx, Model model,
			RedirectAttributes redirect) {
		return edit(item, htmx, model, redirect, () -> {
			ItemPlans.Target target = target(field, value, ItemPlans.Target.NONE);
			ItemPlans.Target release = "release".equals(field) ? target : null;
			ItemPlans.Target sprint = "sprint".equals(field) ? target : null;
			known(item.productKey(), release, sprint);
			plans.plan(item, release, sprint, user.id());
		});
	}

	@PostMapping("/p/{key}/backlog/bulk")
	@Requires(Permission.EDIT_BACKLOG)
	String bulk(@AuthenticationPrincipal SignedInUser user, @PathVariable String key,
			@RequestParam(defaultValue = "") List<String> items, @RequestParam(defaultValue = "") String status,
			@RequestParam(defaultValue = "") String estimate, @RequestParam(defaultValue = "") String label,
			@RequestParam(defaultValue = "") String release, @RequestParam(defaultValue = "") String sprint,
			@RequestParam(defaultValue = "") String position, RedirectAttributes redirect) {
		try {
			List<ItemKey> keys = items.stream()
				.filter(s -> !s.isBlank())
				.map(s -> ItemKeys.field("items", key, s))
				.toList();
			var change = new BulkEdits.BulkChange(keys, status.isBlank() ? null : parseStatus(status),
					estimate.isBlank() ? null : parseEstimate(estimate), label, target("release", release, null),
					target("sprint", sprint, null), position.isBlank() ? null : parsePosition(position));
			known(key, change.release(), change.sprint());
			var done = bulk.apply(key, change, user.id());
			redirect.addFlashAttribute("toast", "Changed " + done.summary() + ".");
			redirect.addFlashAttribute("toastUndo", "/p/" + key + "/backlog/bulk/" + done.changeId() + "/undo");
		}
		catch (DomainProblem e) {
			// another product's change, or none: the same not-found page as any missing
			// object
			DomainProblem.rethrowNotFound(e);
			redirect.addFlashAttribute("toastError", e.getMessage());
		}
		return "redirect:/p/" + key + "/backlog";
	}

	@PostMapping("/p/{key}/backlog/bulk/{id}/undo")
	@Requires(Permission.EDIT_BACKLOG)
	String undo(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @PathVariable long id,
			RedirectAttributes redirect) {
		try {
			var done = bulk.undo(key, id, user.id());
			redirect.addFlashAttribute("toast", done.summary() + ".");
		}
		catch (DomainProblem e) {
			// another product's change, or none: the same not-found page as any missing
			// object
			DomainProblem.rethrowNotFound(e);
			redirect.addFlashAttribute("toastError", e.getMessage());
		}
		return "redirect:/p/" + key + "/backlog";
	}

	/**
	 * The side panel: the item's facts (an epic's roll-up instead of its estimate, the
	 * assignee), description, criteria, objectives (loaded as on the item page) and its
	 * last {@value #PANEL_HISTORY} changes.
	 */
	@GetMapping("/p/{key}/items/{itemKey}/panel")
	String panel(@PathVariable String key, @PathVariable String itemKey, Model model) {
		var item = backlog.item(ItemKeys.inPath(key, itemKey));
		var product = products.get(key);
		var choices = plans.choices(product.key());
		var plan = plans.plans(product.key(), List.of(item.key())).getOrDefault(item.key(), ItemPlans.Plan.NONE);
		model.addAttribute("item", item);
		model.addAttribute("product", product);
		model.addAttribute("release", choices.release(plan.releaseId()));
		model.addAttribute("sprint", choices.sprint(plan.sprintId()));
		model.addAttribute("assignee", backlog.summary(item.key()).assignee());
		model.addAttribute("history", backlog.history(item.key()).stream().limit(PANEL_HISTORY).toList());
		model.addAttribute("descriptionHtml", markdown.render(item.description()));
		return PANEL_FRAGMENT;
	}

	private String edit(ItemKey item, String htmx, Model model, RedirectAttributes redirect, Runnable change) {
		try {
			change.run();
			if (htmx == null) {
				redirect.addFlashAttribute("toast", "Saved " + item + ".");
			}
		}
		catch (DomainProblem e) {
			DomainProblem.rethrowNotFound(e);
			if (htmx == null) {
				redirect.addFlashAttribute("toastError", e.getMessage());
			}
			model.addAttribute("rowError", e.getMessage());
		}
		if (htmx == null) {
			return "redirect:/p/" + item.productKey() + "/backlog";
		}
		rows.row(item, model);
		return ROW_FRAGMENT;
	}

	private static ItemStatus parseStatus(String s) {
		try {
			return ItemStatus.valueOf(s.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw DomainProblem.invalid("status", "must be one of " + Arrays.toString(ItemStatus.values()));
		}
	}

	private static BigDecimal parseEstimate(String s) {
		if (s == null || s.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(s.strip());
		}
		catch (NumberFormatException e) {
			throw DomainProblem.invalid("estimate", "must be a number from the product's estimate scale");
		}
	}

	/**
	 * A release or sprint from a form: an id, {@code none}, or blank ({@code blank}: as
	 * it is in a bulk change, none on a row).
	 */
	static ItemPlans.Target target(String field, String value, ItemPlans.Target blank) {
		String v = value == null ? "" : value.strip();
		if (v.isEmpty()) {
			return blank;
		}
		if ("none".equalsIgnoreCase(v)) {
			return ItemPlans.Target.NONE;
		}
		try {
			return new ItemPlans.Target(Long.valueOf(v));
		}
		catch (NumberFormatException e) {
			throw DomainProblem.invalid(field, "must be one of the product's " + field + "s, or none");
		}
	}

	/**
	 * A release or sprint that is not the page's product's is not found (404), as any
	 * object of another product on a page is.
	 */
	private void known(String productKey, ItemPlans.Target release, ItemPlans.Target sprint) {
		boolean releaseId = release != null && release.id() != null;
		boolean sprintId = sprint != null && sprint.id() != null;
		if (!releaseId && !sprintId) {
			return;
		}
		ItemPlans.Choices choices = plans.choices(productKey);
		if (releaseId && choices.release(release.id()) == null) {
			throw DomainProblem.notFound("Release " + release.id());
		}
		if (sprintId && choices.sprint(sprint.id()) == null) {
			throw DomainProblem.notFound("Sprint " + sprint.id());
		}
	}

	private static BulkEdits.Position parsePosition(String s) {
		try {
			return BulkEdits.Position.valueOf(s.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw DomainProblem.invalid("position", "must be TOP or BOTTOM");
		}
	}

}
