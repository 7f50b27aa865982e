package dev.priora.notifications.web;

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
import dev.priora.backlog.ItemKey;
import dev.priora.notifications.Notifications;
import dev.priora.web.HtmxToast;

/**
 * The Watch / Unwatch button of the item page, each release on the releases page and the
 * inbox: a part those pages load, and a form that sets the choice (htmx answers the
 * button again with a toast; a plain post redirects back: post/redirect/get). Anyone who
 * can see the product may watch.
 */
@Controller
class WatchPageController {

	static final String WATCH_FRAGMENT = "notifications/watch :: watch";

	private final Notifications notifications;

	WatchPageController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/p/{key}/items/{itemKey}/watch")
	String item(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @PathVariable String itemKey,
			Model m) {
		ItemKey item = ItemKey.inProduct(key, itemKey);
		return button(m, "/p/" + item.productKey() + "/items/" + item + "/watch", item.toString(),
				notifications.watchesItem(user.id(), item));
	}

	@PostMapping("/p/{key}/items/{itemKey}/watch")
	@Requires(Permission.READ)
	String watchItem(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @PathVariable String itemKey,
			@RequestParam boolean watching, @RequestHeader(name = "HX-Request", required = false) String htmx, Model m,
			RedirectAttributes redirect, HttpServletResponse response) {
		ItemKey item = ItemKey.inProduct(key, itemKey);
		notifications.watchItem(user.id(), item, watching);
		String back = "/p/" + item.productKey() + "/items/" + item;
		return answer(htmx, m, redirect, response, back, back + "/watch", item.toString(), watching);
	}

	@GetMapping("/p/{key}/releases/{id}/watch")
	String release(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @PathVariable long id,
			Model m) {
		String p = upper(key);
		return button(m, "/p/" + p + "/releases/" + id + "/watch", "this release",
				notifications.watchesRelease(user.id(), p, id));
	}

	@PostMapping("/p/{key}/releases/{id}/watch")
	@Requires(Permission.READ)
	String watchRelease(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @PathVariable long id,
			@RequestParam boolean watching, @RequestHeader(name = "HX-Request", required = false) String htmx, Model m,
			RedirectAttributes redirect, HttpServletResponse response) {
		String p = upper(key);
		notifications.watchRelease(user.id(), p, id, watching);
		return answer(htmx, m, redirect, response, "/p/" + p + "/releases", "/p/" + p + "/releases/" + id + "/watch",
				"this release", watching);
	}

	@GetMapping("/p/{key}/inbox/watch")
	String inbox(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, Model m) {
		String p = upper(key);
		return button(m, "/p/" + p + "/inbox/watch", "the inbox", notifications.watchesInbox(user.id(), p));
	}

	@PostMapping("/p/{key}/inbox/watch")
	@Requires(Permission.READ)
	String watchInbox(@AuthenticationPrincipal SignedInUser user, @PathVariable String key,
			@RequestParam boolean watching, @RequestHeader(name = "HX-Request", required = false) String htmx, Model m,
			RedirectAttributes redirect, HttpServletResponse response) {
		String p = upper(key);
		notifications.watchInbox(user.id(), p, watching);
		return answer(htmx, m, redirect, response, "/p/" + p + "/feedback", "/p/" + p + "/inbox/watch", "the inbox",
				watching);
	}

	private static String answer(String htmx, Model m, RedirectAttributes redirect, HttpServletResponse response,
			String back, String url, String what, boolean watching) {
		String toast = watching ? "You watch " + what + "." : "You no longer watch " + what + ".";
		if (htmx == null) {
			redirect.addFlashAttribute("toast", toast);
			return "redirect:" + back;
		}
		HtmxToast.show(response, toast);
		return button(m, url, what, watching);
	}

	private static String button(Model m, String url, String what, boolean watching) {
		m.addAttribute("watchUrl", url);
		m.addAttribute("watchWhat", what);
		m.addAttribute("watching", watching);
		return WATCH_FRAGMENT;
	}

	private static String upper(String key) {
		return key.toUpperCase(java.util.Locale.ROOT);
	}

}
