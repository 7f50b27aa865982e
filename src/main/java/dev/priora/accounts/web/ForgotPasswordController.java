package dev.priora.accounts.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.priora.accounts.ForgottenPasswords;

/**
 * "Forgot your password?" from the sign-in page: the form, and its post (answered by
 * post/redirect/get with the same words whether the address is known or not). Without a
 * mail server, a sender and a base URL (the settings the mail module needs to e-mail a
 * link: {@code spring.mail.host}, {@code priora.mail.from}, {@code priora.base-url}) the
 * page says to ask an administrator instead.
 */
@Controller
class ForgotPasswordController {

	static final String FORGOT_VIEW = "accounts/forgot";

	private final ForgottenPasswords forgotten;

	private final boolean mailOn;

	ForgotPasswordController(ForgottenPasswords forgotten, @Value("${spring.mail.host:}") String mailHost,
			@Value("${priora.mail.from:}") String from, @Value("${priora.base-url:}") String baseUrl) {
		this.forgotten = forgotten;
		this.mailOn = !mailHost.isBlank() && !from.isBlank() && !baseUrl.isBlank();
	}

	@GetMapping("/forgot-password")
	String form(Model model) {
		model.addAttribute("mailOn", mailOn);
		return FORGOT_VIEW;
	}

	@PostMapping("/forgot-password")
	String request(@RequestParam(defaultValue = "") String email, Model model, HttpServletResponse response) {
		model.addAttribute("mailOn", mailOn);
		if (!mailOn) {
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			return FORGOT_VIEW;
		}
		try {
			if (forgotten.request(email) == ForgottenPasswords.Outcome.LIMITED) {
				response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
				model.addAttribute("error", "Too many requests; try again in a while.");
				model.addAttribute("email", email);
				return FORGOT_VIEW;
			}
			return "redirect:/forgot-password?sent";
		}
		catch (ErrorResponseException e) {
			// a visitor has no session for a flash attribute: the form again with the
			// address typed and the reason
			response.setStatus(e.getStatusCode().value());
			model.addAttribute("error", "E-mail " + e.getBody().getDetail().replaceFirst("^email: ", ""));
			model.addAttribute("email", email);
			return FORGOT_VIEW;
		}
	}

}
