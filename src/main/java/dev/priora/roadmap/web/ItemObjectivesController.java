package dev.priora.roadmap.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.priora.accounts.Permission;
import dev.priora.accounts.Requires;
import dev.priora.backlog.ItemKey;
import dev.priora.roadmap.RoadmapService;

/**
 * The item page's objectives: which roadmap objectives the item serves, shown in a part
 * the item page loads (the roadmap is this module's, the item page the backlog's) and
 * changed by a form that posts the whole choice (post/redirect/get).
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
		ItemKey item = ItemKey.inProduct(key, itemKey);
		List<RoadmapService.Objective> all = roadmap.objectives(item.productKey());
		m.addAttribute("productKey", item.productKey());
		m.addAttribute("itemKey", item.toString());
		m.addAttribute("objectives", all);
		m.addAttribute("aligned", all.stream().filter(o -> o.items().contains(item.toString())).toList());
		return OBJECTIVES_FRAGMENT;
	}

	/** Aligns the item with exactly the ticked objectives (none ticked: with none). */
	@PostMapping("/p/{key}/items/{itemKey}/objectives")
	@Requires(Permission.MANAGE_ROADMAP)
	String align(@PathVariable String key, @PathVariable String itemKey,
			@RequestParam(name = "objectives", required = false) List<Long> objectives, RedirectAttributes redirect) {
		ItemKey item = ItemKey.inProduct(key, itemKey);
		List<Long> chosen = objectives == null ? List.of() : objectives;
		roadmap.align(item, chosen);
		List<String> titles = roadmap.objectives(item.productKey())
			.stream()
			.filter(o -> chosen.contains(o.id()))
			.map(RoadmapService.Objective::title)
			.toList();
		redirect.addFlashAttribute("toast", titles.isEmpty() ? item + " is aligned with no objective."
				: item + " is aligned with " + String.join(", ", titles) + ".");
		return "redirect:/p/" + item.productKey() + "/items/" + item;
	}

}
