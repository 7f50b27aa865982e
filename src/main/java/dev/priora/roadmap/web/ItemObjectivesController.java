package dev.priora.roadmap.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

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
import dev.priora.backlog.ItemKey;
import dev.priora.roadmap.RoadmapService;
import dev.priora.web.HtmxToast;

/**
 * The item's objectives: which roadmap objectives the item serves, shown in a part the
 * item page and the backlog's side panel load (the roadmap is this module's, the item the
 * backlog's) and changed by a form that posts the whole choice: htmx answers the part
 * again with a toast, a plain post redirects to the item page (post/redirect/get).
 * Changing them needs MANAGE_ROADMAP, as in the API.
 */
@Controller
class ItemObjectivesController {

	static final String OBJECTIVES_FRAGMENT = "roadmap/item-objectives :: objectives";

	private final RoadmapService roadmap;

	ItemObjectivesController(RoadmapService roadmap) {
		this.roadmap = roadmap;
	}

	@GetMapping("/p/{key}/items/{itemKey}/objectives")
	String objectives(@PathVariable String key, @PathVariable String itemKey, Model m) {
		fill(ItemKey.inProduct(key, itemKey), m);
		return OBJECTIVES_FRAGMENT;
	}

	/** Aligns the item with exactly the ticked objectives (none ticked: with none). */
	@PostMapping("/p/{key}/items/{itemKey}/objectives")
	@Requires(Permission.MANAGE_ROADMAP)
	String align(@PathVariable String key, @PathVariable String itemKey,
			@RequestParam(name = "objectives", required = false) List<Long> objectives,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model m, RedirectAttributes redirect,
			HttpServletResponse response) {
		ItemKey item = ItemKey.inProduct(key, itemKey);
		List<Long> chosen = objectives == null ? List.of() : objectives;
		roadmap.align(item, chosen);
		List<String> titles = roadmap.objectives(item.productKey())
			.stream()
			.filter(o -> chosen.contains(o.id()))
			.map(RoadmapService.Objective::title)
			.toList();
		String toast = titles.isEmpty() ? item + " is aligned with no objective."
				: item + " is aligned with " + String.join(", ", titles) + ".";
		if (htmx == null) {
			redirect.addFlashAttribute("toast", toast);
			return "redirect:/p/" + item.productKey() + "/items/" + item;
		}
		HtmxToast.show(response, toast);
		fill(item, m);
		return OBJECTIVES_FRAGMENT;
	}

	private void fill(ItemKey item, Model m) {
		List<RoadmapService.Objective> all = roadmap.objectives(item.productKey());
		m.addAttribute("productKey", item.productKey());
		m.addAttribute("itemKey", item.toString());
		m.addAttribute("objectives", all);
		m.addAttribute("aligned", all.stream().filter(o -> o.items().contains(item.toString())).toList());
	}

}
