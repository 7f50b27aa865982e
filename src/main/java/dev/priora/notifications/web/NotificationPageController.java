package dev.priora.notifications.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.priora.accounts.SignedInUser;
import dev.priora.notifications.Notifications;

/**
 * The notifications page (grouped by item, newest first; mark one or all read, by
 * post/redirect/get) and the bell the layout loads and polls.
 */
@Controller
class NotificationPageController {

	static final String PAGE_VIEW = "notifications/notifications";

	static final String BELL_FRAGMENT = "notifications/bell :: bell";

	private static final int PAGE_SIZE = 100;

	private final Notifications notifications;

	NotificationPageController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/notifications")
	String page(@AuthenticationPrincipal SignedInUser user, @RequestParam(defaultValue = "false") boolean unread,
			@RequestParam(defaultValue = "0") int page, Model m) {
		Notifications.Page p = notifications.page(user.id(), unread, page, PAGE_SIZE);
		m.addAttribute("page", p);
		m.addAttribute("groups", Notifications.Group.of(p.items()));
		m.addAttribute("unreadOnly", unread);
		m.addAttribute("hasNext", (long) (page + 1) * PAGE_SIZE < p.total());
		return PAGE_VIEW;
	}

	@GetMapping("/notifications/bell")
	String bell(@AuthenticationPrincipal SignedInUser user, Model m) {
		m.addAttribute("unread", notifications.unreadCount(user.id()));
		return BELL_FRAGMENT;
	}

	@PostMapping("/notifications/{id}/read")
	String read(@AuthenticationPrincipal SignedInUser user, @PathVariable long id,
			@RequestParam(defaultValue = "false") boolean unread, RedirectAttributes redirect) {
		notifications.markRead(user.id(), id);
		redirect.addFlashAttribute("toast", "Marked read.");
		return unread ? "redirect:/notifications?unread=true" : "redirect:/notifications";
	}

	@PostMapping("/notifications/read-all")
	String readAll(@AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
		int n = notifications.markAllRead(user.id());
		redirect.addFlashAttribute("toast", n == 0 ? "Nothing was unread."
				: n == 1 ? "1 notification marked read." : n + " notifications marked read.");
		return "redirect:/notifications";
	}

}
