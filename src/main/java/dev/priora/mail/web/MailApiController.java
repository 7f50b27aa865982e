package dev.priora.mail.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.priora.mail.LoggedMail;
import dev.priora.mail.MailAdmin;
import dev.priora.mail.MailStatus;

import io.swagger.v3.oas.annotations.Operation;

/** The admin mail API: settings in force and the delivery log, retrying a failed mail. */
@RestController
class MailApiController {

	/** The settings and the latest mails (never their bodies). */
	record MailReport(MailStatus status, List<LoggedMail> recent) {
	}

	private final MailAdmin mail;

	MailApiController(MailAdmin mail) {
		this.mail = mail;
	}

	@GetMapping("/api/v1/admin/mail")
	@Operation(summary = "Mail settings in force and the delivery log, newest first (administrators)")
	MailReport report(@RequestParam(defaultValue = "50") int limit) {
		return new MailReport(mail.status(), mail.recent(limit));
	}

	@PostMapping("/api/v1/admin/mail/{id}/retry")
	@Operation(summary = "Queue a failed mail again (administrators); 409 when it has not failed")
	ResponseEntity<LoggedMail> retry(@PathVariable long id) {
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(mail.retry(id));
	}

}
