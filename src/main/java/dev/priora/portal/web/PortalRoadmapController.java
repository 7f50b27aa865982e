package dev.priora.portal.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import dev.priora.accounts.Permission;
import dev.priora.accounts.Requires;
import dev.priora.portal.PortalSettings;
import dev.priora.portal.PublicRoadmap;

/**
 * The portal's public roadmap for visitors, and for the team the "public on the portal"
 * switch of an item: a small panel the item page loads (its JSON is in
 * {@link PortalApiController}).
 */
@Controller
class PortalRoadmapController {

	static final String VIEW = "portal/roadmap";

	static final String TOGGLE = "portal/parts :: public-toggle";

	/** Whether an item is shown on the portal's roadmap (also the API's answer). */
	record PublicItem(String item, boolean publicOnPortal) {
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

}
