package dev.priora.mail.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.priora.mail.MailAdmin;

/**
 * Admin → Mail: whether mail is sent (host, sender, base URL, and what is missing), the
 * delivery log and retrying a failed mail (administrators only, as all of
 * {@code /admin/**}).
 */
@Controller
class MailPageController {

	static final String MAIL_VIEW = "mail/admin-mail";

	private final MailAdmin mail;

	MailPageController(MailAdmin mail) {
		this.mail = mail;
	}

	@GetMapping("/admin/mail")
	String page(Model model) {
		model.addAttribute("mail", mail.status());
		model.addAttribute("log", mail.recent(100));
		return MAIL_VIEW;
	}

	@PostMapping("/admin/mail/{id}/retry")
	String retry(@PathVariable long id, RedirectAttributes redirect) {
		mail.retry(id);
		redirect.addFlashAttribute("toast", "Mail " + id + " queued again.");
		return "redirect:/admin/mail";
	}

}
