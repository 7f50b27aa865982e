package dev.priora.portal.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import dev.priora.accounts.Permission;
import dev.priora.accounts.Requires;
import dev.priora.portal.PortalSettings;
import dev.priora.portal.PublicRoadmap;
import io.swagger.v3.oas.annotations.Operation;

/**
 * The portal's public roadmap for visitors, and for the team the "public on the portal"
 * switch of an item: a small panel the item page loads, and its JSON.
 */
@Controller
class PortalRoadmapController {

	static final String VIEW = "portal/roadmap";

	static final String TOGGLE = "portal/parts :: public-toggle";

	/** Whether an item is shown on the portal's roadmap. */
	record PublicItem(String item, boolean publicOnPortal) {
	}

	record PublicBody(@NotNull Boolean publicOnPortal) {
	}

	private final PortalPages pages;

	private final PublicRoadmap roadmap;

	PortalRoadmapController(PortalPages pages, PublicRoadmap roadmap) {
		this.pages = pages;
		this.roadmap = roadmap;
	}

	@GetMapping("/portal/{portal}/roadmap")
	String page(@PathVariable String portal, HttpServletRequest request, Model model) {
		PortalSettings settings = pages.open(request, portal);
		pages.header(model, settings, pages.visitor(request, portal), "roadmap");
		model.addAttribute("columns", roadmap.columns(settings));
		return VIEW;
	}

	/** The switch on the item page (loaded by htmx). */
	@GetMapping("/p/{key}/items/{itemKey}/portal")
	String toggle(@PathVariable String key, @PathVariable String itemKey, Model model) {
		model.addAttribute("publicItem", new PublicItem(itemKey, roadmap.isPublic(key, itemKey)));
		model.addAttribute("productKey", key.toUpperCase(Locale.ROOT));
		return TOGGLE;
	}

	@PostMapping("/p/{key}/items/{itemKey}/portal")
	@Requires(Permission.EDIT_BACKLOG)
	String set(@PathVariable String key, @PathVariable String itemKey,
			@RequestParam(defaultValue = "false") boolean publicOnPortal,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		roadmap.setPublic(key, itemKey, publicOnPortal);
		if (htmx == null) {
			return "redirect:/p/" + key.toUpperCase(Locale.ROOT) + "/items/" + itemKey;
		}
		return toggle(key, itemKey, model);
	}

	@GetMapping(path = "/api/v1/products/{productKey}/portal/items/{itemKey}", produces = "application/json")
	@ResponseBody
	@Operation(summary = "Whether the item is shown on the portal's public roadmap")
	PublicItem get(@PathVariable String productKey, @PathVariable String itemKey) {
		return new PublicItem(itemKey, roadmap.isPublic(productKey, itemKey));
	}

	@PutMapping(path = "/api/v1/products/{productKey}/portal/items/{itemKey}", produces = "application/json")
	@ResponseBody
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Show the item on the portal's public roadmap, or stop (publicOnPortal)")
	PublicItem put(@PathVariable String productKey, @PathVariable String itemKey, @Valid @RequestBody PublicBody body) {
		return new PublicItem(itemKey, roadmap.setPublic(productKey, itemKey, body.publicOnPortal()));
	}

}
