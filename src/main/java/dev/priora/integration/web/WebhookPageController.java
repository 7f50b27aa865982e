package dev.priora.integration.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.priora.accounts.Permission;
import dev.priora.accounts.Requires;
import dev.priora.accounts.SignedInUser;
import dev.priora.integration.Webhooks;

/**
 * The product's webhooks page with each webhook's delivery log; the administrators'
 * setting.
 */
@Controller
class WebhookPageController {

	static final String WEBHOOKS_VIEW = "integration/webhooks";

	static final String ADMIN_VIEW = "integration/admin-webhooks";

	private final Webhooks webhooks;

	WebhookPageController(Webhooks webhooks) {
		this.webhooks = webhooks;
	}

	@GetMapping("/p/{key}/webhooks")
	@Requires(Permission.MANAGE_PRODUCT)
	String page(@PathVariable String key, Model m) {
		return fill(key, m);
	}

	@PostMapping("/p/{key}/webhooks")
	@Requires(Permission.MANAGE_PRODUCT)
	String create(@AuthenticationPrincipal SignedInUser user, @PathVariable String key, @RequestParam String url,
			@RequestParam(required = false) List<String> events, RedirectAttributes redirect) {
		// a refused address goes back to the form with what was typed (PageErrorAdvice)
		var hook = webhooks.create(key, url, events, user.id());
		redirect.addFlashAttribute("createdSecret", hook.secret());
		return toWebhooks(key);
	}

	@PostMapping("/p/{key}/webhooks/{id}/{action:ping|pause|resume|delete}")
	@Requires(Permission.MANAGE_PRODUCT)
	String act(@PathVariable String key, @PathVariable long id, @PathVariable String action, Model m,
			RedirectAttributes redirect) {
		switch (action) {
			case "ping" -> webhooks.ping(key, id);
			case "pause" -> webhooks.setActive(key, id, false);
			case "resume" -> webhooks.setActive(key, id, true);
			default -> webhooks.delete(key, id);
		}
		redirect.addFlashAttribute("toast", switch (action) {
			case "ping" -> "Ping queued; it shows in the delivery log in a moment.";
			case "pause" -> "Webhook paused: no new deliveries.";
			case "resume" -> "Webhook resumed.";
			default -> "Webhook deleted.";
		});
		return toWebhooks(key);
	}

	@PostMapping("/p/{key}/webhooks/{id}/deliveries/{deliveryId}/redeliver")
	@Requires(Permission.MANAGE_PRODUCT)
	String redeliver(@PathVariable String key, @PathVariable long id, @PathVariable long deliveryId,
			RedirectAttributes redirect) {
		webhooks.redeliver(key, id, deliveryId);
		redirect.addFlashAttribute("toast", "Delivery " + deliveryId + " queued again.");
		return toWebhooks(key);
	}

	@GetMapping("/admin/webhooks")
	String admin(Model m) {
		m.addAttribute("allowPrivate", webhooks.allowPrivateTargets());
		return ADMIN_VIEW;
	}

	@PostMapping("/admin/webhooks")
	String admin(@AuthenticationPrincipal SignedInUser user,
			@RequestParam(defaultValue = "false") boolean allowPrivateTargets, RedirectAttributes redirect) {
		webhooks.allowPrivateTargets(allowPrivateTargets, user.id());
		redirect.addFlashAttribute("toast", "Saved.");
		return "redirect:/admin/webhooks";
	}

	/** Post/redirect/get: a done change shows the webhooks page again. */
	private static String toWebhooks(String key) {
		return "redirect:/p/" + key.toUpperCase(Locale.ROOT) + "/webhooks";
	}

	private String fill(String key, Model m) {
		var hooks = webhooks.hooks(key);
		Map<Long, List<Webhooks.Delivery>> log = new LinkedHashMap<>();
		hooks.forEach(h -> log.put(h.id(), webhooks.deliveries(key, h.id(), 20)));
		m.addAttribute("hooks", hooks);
		m.addAttribute("log", log);
		m.addAttribute("events", Webhooks.EVENTS);
		m.addAttribute("allowPrivate", webhooks.allowPrivateTargets());
		return WEBHOOKS_VIEW;
	}

}
