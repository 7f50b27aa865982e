package dev.priora.notifications.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.priora.accounts.SignedInUser;
import dev.priora.mail.MailSettings;
import dev.priora.notifications.Delivery;
import dev.priora.notifications.NotificationKind;
import dev.priora.notifications.Notifications;

/**
 * The Account page's notifications section: a part the page loads (the account page is
 * the accounts module's, the preferences this one's) and a form that saves every kind's
 * choice at once (post/redirect/get back to the Account page).
 */
@Controller
class PreferencesPageController {

	static final String PREFERENCES_FRAGMENT = "notifications/preferences :: preferences";

	private final Notifications notifications;

	private final MailSettings mail;

	PreferencesPageController(Notifications notifications, MailSettings mail) {
		this.notifications = notifications;
		this.mail = mail;
	}

	@GetMapping("/account/notifications")
	String preferences(@AuthenticationPrincipal SignedInUser user, Model m) {
		m.addAttribute("preferences", notifications.preferences(user.id()));
		m.addAttribute("deliveries", Delivery.values());
		m.addAttribute("mailState", mail.host().isEmpty() ? "off" : (mail.linksReady() ? "on" : "partial"));
		m.addAttribute("email", user.email());
		return PREFERENCES_FRAGMENT;
	}

	@PostMapping("/account/notifications")
	String save(@AuthenticationPrincipal SignedInUser user, @RequestParam Map<String, String> form,
			RedirectAttributes redirect) {
		Map<String, String> choices = new LinkedHashMap<>();
		for (NotificationKind kind : NotificationKind.values()) {
			String value = form.get(kind.name());
			if (value != null) {
				choices.put(kind.name(), value);
			}
		}
		notifications.setPreferences(user.id(), choices);
		redirect.addFlashAttribute("toast", "Notification preferences saved.");
		return "redirect:/account#notifications";
	}

}
