package dev.priora.backlog.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.priora.accounts.Permission;
import dev.priora.accounts.ProductAccess;
import dev.priora.accounts.Requires;
import dev.priora.accounts.SignedInUser;
import dev.priora.backlog.AcceptanceCriterion;
import dev.priora.problem.DomainProblem;
import dev.priora.backlog.BacklogService;
import dev.priora.backlog.CommentService;
import dev.priora.backlog.DependencyKind;
import dev.priora.backlog.DependencyService;
import dev.priora.backlog.ItemDraft;
import dev.priora.backlog.ItemKey;
import dev.priora.backlog.ItemStatus;
import dev.priora.backlog.ItemType;
import dev.priora.backlog.ItemView;
import dev.priora.backlog.ProductService;

/**
 * The item page. Every action answers with the re-rendered item content (htmx swaps it in
 * place); a refused action shows its reason inline, and a stale edit shows both versions
 * and keeps what the user typed.
 */
@Controller
class ItemPageController {

	static final String ITEM_VIEW = "backlog/item";
	static final String CONTENT_FRAGMENT = "backlog/item :: content";

	private final BacklogService backlog;

	private final DependencyService dependencies;

	private final MarkdownRenderer markdown;

	private final ProductService products;

	private final CommentService comments;

	ItemPageController(BacklogService backlog, DependencyService dependencies, MarkdownRenderer markdown,
			ProductService products, CommentService comments) {
		this.products = products;
		this.comments = comments;
		this.backlog = backlog;
		this.dependencies = dependencies;
		this.markdown = markdown;
	}

	@GetMapping("/p/{key}/items/{itemKey}")
	String page(@PathVariable String key, @PathVariable String itemKey, Model model) {
		ItemView item = backlog.item(ItemKeys.inPath(key, itemKey));
		fill(item, ItemForm.of(item), model);
		return ITEM_VIEW;
	}

	@PostMapping("/p/{key}/items/{itemKey}/edit")
	@Requires(Permission.EDIT_BACKLOG)
	String edit(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @PathVariable String itemKey,
			ItemForm form, Model model, @RequestHeader(name = "HX-Request", required = false) String htmx,
			RedirectAttributes redirect) {
		ItemKey k = ItemKeys.inPath(key, itemKey);
		ItemView current = backlog.item(k);
		try {
			ItemView saved = backlog.update(k, form.draft(key, current.acceptanceCriteria()), form.versionOrZero(),
					user.id());
			if (htmx == null) {
				return toItem(k, redirect, "Saved.");
			}
			fill(saved, ItemForm.of(saved), model);
			model.addAttribute("notice", "Saved.");
		}
		catch (DomainProblem e) {
			// the edit form again with what was typed: beside a stale edit the current
			// version, else the reason next to the form
			fill(current, form, model);
			if (e.getStatusCode().value() == HttpStatus.PRECONDITION_FAILED.value()) {
				model.addAttribute("conflict", current);
				model.addAttribute("conflictBy", current.updatedBy());
				model.addAttribute("form", new ItemForm(form.type(), form.title(), form.description(), form.estimate(),
						form.labels(), form.parent(), current.version()));
			}
			else {
				model.addAttribute("formError", e.getMessage());
				model.addAttribute("editOpen", true);
			}
		}
		return htmx == null ? ITEM_VIEW : CONTENT_FRAGMENT;
	}

	@PostMapping("/p/{key}/items/{itemKey}/status")
	@Requires(Permission.WORK_ITEMS)
	String status(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @PathVariable String itemKey,
			@RequestParam String status, @RequestParam long version,
			@RequestParam(defaultValue = "false") boolean force,
			@RequestAttribute(ProductAccess.ATTRIBUTE) ProductAccess access, Model model,
			@RequestHeader(name = "HX-Request", required = false) String htmx, RedirectAttributes redirect) {
		ItemKey k = ItemKeys.inPath(key, itemKey);
		if (force && !access.can(Permission.EDIT_BACKLOG)) {
			throw new ErrorResponseException(HttpStatus.FORBIDDEN);
		}
		ItemStatus target = ItemPatch.statusOf(status);
		return act(k, model, htmx, redirect, () -> backlog.changeStatus(k, target, version, force, user.id()), target);
	}

	@PostMapping("/p/{key}/items/{itemKey}/criteria")
	@Requires(Permission.EDIT_BACKLOG)
	String addCriterion(@AuthenticationPrincipal SignedInUser user, @PathVariable String key,
			@PathVariable String itemKey, @RequestParam String statement, @RequestParam long version, Model model,
			@RequestHeader(name = "HX-Request", required = false) String htmx, RedirectAttributes redirect) {
		return changeCriteria(user, key, itemKey, version, model, htmx, redirect, list -> {
			if (statement.isBlank()) {
				throw DomainProblem.invalid("statement", "must not be blank");
			}
			list.add(new AcceptanceCriterion(statement, false));
			return list;
		});
	}

	@PostMapping("/p/{key}/items/{itemKey}/criteria/{index}/toggle")
	@Requires(Permission.WORK_ITEMS)
	String toggleCriterion(@AuthenticationPrincipal SignedInUser user, @PathVariable String key,
			@PathVariable String itemKey, @PathVariable int index, @RequestParam long version, Model model,
			@RequestHeader(name = "HX-Request", required = false) String htmx, RedirectAttributes redirect) {
		return criterionAction(user, key, itemKey, index, "toggle", version, model, htmx, redirect);
	}

	@PostMapping("/p/{key}/items/{itemKey}/criteria/{index}/{action}")
	@Requires(Permission.EDIT_BACKLOG)
	String criterionAction(@AuthenticationPrincipal SignedInUser user, @PathVariable String key,
			@PathVariable String itemKey, @PathVariable int index, @PathVariable String action,
			@RequestParam long version, Model model, @RequestHeader(name = "HX-Request", required = false) String htmx,
			RedirectAttributes redirect) {
		return changeCriteria(user, key, itemKey, version, model, htmx, redirect, list -> {
			if (index < 0 || index >= list.size()) {
				throw DomainProblem.invalid("index", "no criterion " + (index + 1));
			}
			switch (action) {
				case "toggle" ->
					list.set(index, new AcceptanceCriterion(list.get(index).statement(), !list.get(index).done()));
				case "delete" -> list.remove(index);
				case "up" -> {
					if (index > 0) {
						list.add(index - 1, list.remove(index));
					}
				}
				case "down" -> {
					if (index < list.size() - 1) {
						list.add(index + 1, list.remove(index));
					}
				}
				default -> throw DomainProblem.invalid("action", "must be toggle, delete, up or down");
			}
			return list;
		});
	}

	@PostMapping("/p/{key}/items/{itemKey}/dependencies")
	@Requires(Permission.EDIT_BACKLOG)
	String addDependency(@AuthenticationPrincipal SignedInUser user, @PathVariable String key,
			@PathVariable String itemKey, @RequestParam String kind, @RequestParam String target, Model model,
			@RequestHeader(name = "HX-Request", required = false) String htmx, RedirectAttributes redirect) {
		ItemKey k = ItemKeys.inPath(key, itemKey);
		String view = act(k, model, htmx, redirect, () -> {
			dependencies.add(k, ItemPatch.kindOf(kind), ItemKeys.field("target", key, target), user.id());
			return null;
		}, null);
		Object refused = model.asMap().remove("actionError");
		if (refused != null) {
			// the reason under the link's own form, with the kind and key typed kept
			model.addAttribute("dependencyError", refused);
			model.addAttribute("dependencyKind", kind);
			model.addAttribute("dependencyTarget", target);
		}
		return view;
	}

	@PostMapping("/p/{key}/items/{itemKey}/dependencies/remove")
	@Requires(Permission.EDIT_BACKLOG)
	String removeDependency(@AuthenticationPrincipal SignedInUser user, @PathVariable String key,
			@PathVariable String itemKey, @RequestParam String kind, @RequestParam String target, Model model,
			@RequestHeader(name = "HX-Request", required = false) String htmx, RedirectAttributes redirect) {
		ItemKey k = ItemKeys.inPath(key, itemKey);
		return act(k, model, htmx, redirect, () -> {
			dependencies.remove(k, ItemPatch.kindOf(kind), ItemKeys.inPath(key, target), user.id());
			return null;
		}, null);
	}

	@PostMapping("/p/{key}/items/{itemKey}/comments")
	@Requires(Permission.COMMENT)
	String comment(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @PathVariable String itemKey,
			@RequestParam(defaultValue = "") String body, Model model,
			@RequestHeader(name = "HX-Request", required = false) String htmx, RedirectAttributes redirect) {
		ItemKey k = ItemKeys.inPath(key, itemKey);
		try {
			comments.add(k, body, user.id());
			if (htmx == null) {
				return toItem(k, redirect, "Comment added.");
			}
		}
		catch (DomainProblem e) {
			// the comment box again with what was typed, the reason under it
			model.addAttribute("commentError", e.getMessage());
			model.addAttribute("commentDraft", body);
		}
		ItemView item = backlog.item(k);
		fill(item, ItemForm.of(item), model);
		return htmx == null ? ITEM_VIEW : CONTENT_FRAGMENT;
	}

	@PostMapping("/p/{key}/items/{itemKey}/delete")
	@Requires(Permission.EDIT_BACKLOG)
	String delete(@PathVariable String key, @PathVariable String itemKey, @RequestParam long version,
			RedirectAttributes redirect) {
		ItemKey k = ItemKeys.inPath(key, itemKey);
		backlog.delete(k, version);
		redirect.addFlashAttribute("toast", "Deleted " + k + ".");
		return "redirect:/p/" + k.productKey() + "/backlog";
	}

	private String changeCriteria(SignedInUser user, String key, String itemKey, long version, Model model, String htmx,
			RedirectAttributes redirect, UnaryOperator<List<AcceptanceCriterion>> change) {
		ItemKey k = ItemKeys.inPath(key, itemKey);
		return act(k, model, htmx, redirect, () -> {
			ItemView current = backlog.item(k);
			ItemDraft d = ItemDraft.of(current);
			List<AcceptanceCriterion> list = change.apply(new ArrayList<>(d.acceptanceCriteria()));
			return backlog.update(k,
					new ItemDraft(d.type(), d.title(), d.description(), d.estimate(), d.labels(), d.parent(), list),
					version, user.id());
		}, null);
	}

	/** A comment with its Markdown rendered (sanitized) for the page. */
	record ShownComment(CommentService.Comment comment, String html) {
	}

	interface Action {

		ItemView run();

	}

	private String act(ItemKey k, Model model, String htmx, RedirectAttributes redirect, Action action,
			ItemStatus attempted) {
		try {
			action.run();
			if (htmx == null) {
				return toItem(k, redirect, "Saved.");
			}
		}
		catch (DomainProblem e) {
			// the item content again with the reason in it: a refused Ready offers to
			// force it past the Definition of Ready's reasons
			model.addAttribute("actionError", e.getMessage());
			if (attempted == ItemStatus.READY && e.properties().containsKey("reasons")) {
				model.addAttribute("canForceReady", true);
			}
		}
		ItemView item = backlog.item(k);
		fill(item, ItemForm.of(item), model);
		return htmx == null ? ITEM_VIEW : CONTENT_FRAGMENT;
	}

	/**
	 * A form posted without htmx (no script) that succeeded redirects to the item page
	 * with a toast (post/redirect/get); htmx swaps the content in place instead.
	 */
	private static String toItem(ItemKey k, RedirectAttributes redirect, String toast) {
		redirect.addFlashAttribute("toast", toast);
		return "redirect:/p/" + k.productKey() + "/items/" + k;
	}

	private void fill(ItemView item, ItemForm form, Model model) {
		model.addAttribute("item", item);
		model.addAttribute("product", products.get(item.key().productKey()));
		model.addAttribute("descriptionHtml", markdown.render(item.description()));
		model.addAttribute("history", backlog.history(item.key()));
		model.addAttribute("comments",
				comments.comments(item.key())
					.stream()
					.map(c -> new ShownComment(c, markdown.render(c.body())))
					.toList());
		model.addAttribute("form", form);
		model.addAttribute("types", ItemType.values());
		model.addAttribute("kinds", DependencyKind.values());
	}

}
