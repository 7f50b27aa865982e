package dev.priora.notifications.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.priora.notifications.Unsubscribes;

/**
 * One-click unsubscribe, with no sign-in. {@code GET /unsubscribe/{token}} only shows
 * what the link stops, with a button (link scanners fetch every GET, so it changes
 * nothing). {@code POST} stops it: a mail client's RFC 8058 one-click post (no cookie, no
 * CSRF token; the token in the path is the credential, see SecurityConfig) is answered
 * 200 with the done page, the page's own button by post/redirect/get. A token that is not
 * genuine gets the 404 page and changes nothing.
 */
@Controller
class UnsubscribeController {

	static final String VIEW = "notifications/unsubscribe";

	private final Unsubscribes unsubscribes;

	UnsubscribeController(Unsubscribes unsubscribes) {
		this.unsubscribes = unsubscribes;
	}

	@GetMapping("/unsubscribe/{token}")
	String page(@PathVariable String token, Model model, HttpServletResponse response) {
		return show(unsubscribes.find(token), token, model, response);
	}

	@PostMapping("/unsubscribe/{token}")
	String unsubscribe(@PathVariable String token, @RequestParam(required = false) String via, Model model,
			HttpServletResponse response) {
		Optional<Unsubscribes.Subject> done = unsubscribes.unsubscribe(token);
		if (done.isPresent() && "page".equals(via)) {
			// the token passed verification, so it is only digits, letters, '.', '-', '_'
			return "redirect:/unsubscribe/" + token;
		}
		return show(done, token, model, response);
	}

	private static String show(Optional<Unsubscribes.Subject> subject, String token, Model model,
			HttpServletResponse response) {
		if (subject.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			return VIEW;
		}
		model.addAttribute("subject", subject.get());
		model.addAttribute("token", token);
		return VIEW;
	}

}
