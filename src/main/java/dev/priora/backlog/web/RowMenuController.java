package dev.priora.backlog.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import dev.priora.accounts.Permission;
import dev.priora.accounts.Requires;

/**
 * The parts of a backlog row loaded on demand: its menus, when one is opened (htmx, on
 * the menu's first {@code toggle}): the release and sprint selects and the labels editor
 * — rendering them for every row up front made the page's HTML six times as large and its
 * rendering the bulk of its time (docs/BENCHMARKS.md, "Pages") —, and the whole row, for
 * live updates ({@code static/js/live.js}) to swap in when someone else changed the item.
 */
@Controller
class RowMenuController {

	private final BacklogRows rows;

	RowMenuController(BacklogRows rows) {
		this.rows = rows;
	}

	@GetMapping("/p/{key}/backlog/items/{itemKey}/row")
	String row(@PathVariable String key, @PathVariable String itemKey, Model model) {
		rows.row(ItemKeys.inPath(key, itemKey), model);
		return BacklogRowController.ROW_FRAGMENT;
	}

	@GetMapping("/p/{key}/backlog/items/{itemKey}/plan-menu")
	@Requires(Permission.EDIT_BACKLOG)
	String plan(@PathVariable String key, @PathVariable String itemKey, Model model) {
		rows.row(ItemKeys.inPath(key, itemKey), model);
		return "backlog/backlog :: planMenu";
	}

	@GetMapping("/p/{key}/backlog/items/{itemKey}/labels-menu")
	@Requires(Permission.EDIT_BACKLOG)
	String labels(@PathVariable String key, @PathVariable String itemKey, Model model) {
		rows.row(ItemKeys.inPath(key, itemKey), model);
		return "backlog/backlog :: labelsMenu";
	}

}
