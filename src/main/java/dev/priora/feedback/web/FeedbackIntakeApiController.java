package dev.priora.feedback.web;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.priora.accounts.Permission;
import dev.priora.accounts.Requires;
import dev.priora.accounts.SignedInUser;
import dev.priora.feedback.EmailIntake;
import dev.priora.feedback.FeedbackImporter;
import dev.priora.feedback.ImportJobs;
import dev.priora.feedback.ImportMapping;
import dev.priora.feedback.IntakeReceipt;
import dev.priora.jobs.Upload;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Feedback in bulk and from mail: imports of CSV or JSON files (at once or as a job to
 * follow and cancel) and pasted e-mails.
 */
@RestController
@Tag(name = "Feedback")
class FeedbackIntakeApiController {

	private static final String BASE = "/api/v1/products/{productKey}";

	private final FeedbackImporter importer;

	private final ImportJobs jobs;

	private final EmailIntake emails;

	FeedbackIntakeApiController(FeedbackImporter importer, ImportJobs jobs, EmailIntake emails) {
		this.importer = importer;
		this.jobs = jobs;
		this.emails = emails;
	}

	@PostMapping(BASE + "/feedback/import")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Import feedback from CSV or JSON with a column mapping",
			description = "Send the file as the request body: text/csv, or application/json (an array of objects; a column"
					+ " names a field, or a nested one as customer.name). Name the columns: text (required), title, customer"
					+ " (a name; missing customers are created), date, externalId (rows imported before are skipped), tags"
					+ " (separated by ; or , or a JSON array). dryRun=true checks and previews without writing. By default"
					+ " one bad row imports nothing (400 with each row's error); validRowsOnly=true imports the valid rows"
					+ " and reports the others. async=true answers 202 at once with an import job to follow (progress) or"
					+ " cancel; otherwise the answer waits for the import.")
	ResponseEntity<?> importFile(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@RequestBody Upload file, @RequestHeader(name = "Content-Type", required = false) String contentType,
			@RequestParam(required = false) FeedbackImporter.Format format, @RequestParam String text,
			@RequestParam(required = false) String title, @RequestParam(required = false) String customer,
			@RequestParam(required = false) String date, @RequestParam(required = false) String externalId,
			@RequestParam(required = false) String tags, @RequestParam(defaultValue = "false") boolean validRowsOnly,
			@RequestParam(defaultValue = "false") boolean dryRun, @RequestParam(defaultValue = "false") boolean async) {
		var mapping = new ImportMapping(text, title, customer, date, externalId, tags, validRowsOnly);
		var f = format != null ? format : FeedbackImporter.Format.guess(contentType, null);
		if (async && !dryRun) {
			ImportJobs.Job job = jobs.start(productKey, f, file.open(), file.size(), mapping, user.id());
			return ResponseEntity.accepted()
				.location(URI.create("/api/v1/products/" + productKey + "/feedback/imports/" + job.id()))
				.body(job);
		}
		return ResponseEntity.ok(importer.importFile(productKey, f, file.bytes(), mapping, dryRun, user.id(),
				FeedbackImporter.Progress.NONE));
	}

	@GetMapping(BASE + "/feedback/imports")
	@Operation(summary = "The product's latest imports, newest first")
	List<ImportJobs.Job> imports(@PathVariable String productKey, @RequestParam(defaultValue = "20") int limit) {
		return jobs.recent(productKey, limit);
	}

	@GetMapping(BASE + "/feedback/imports/{jobId}")
	@Operation(summary = "An import's state and progress (rows done of total), its result or its row errors")
	ImportJobs.Job importJob(@PathVariable String productKey, @PathVariable String jobId) {
		return jobs.get(productKey, jobId);
	}

	@DeleteMapping(BASE + "/feedback/imports/{jobId}")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Cancel a running import; nothing of it is kept")
	ResponseEntity<ImportJobs.Job> cancelImport(@PathVariable String productKey, @PathVariable String jobId) {
		return ResponseEntity.accepted().body(jobs.cancel(productKey, jobId));
	}

	record EmailBody(@NotNull @Size(max = EmailIntake.MAX_CHARS) String email,
			@Size(max = 20) List<@Size(max = 50) String> tags) {
	}

	@PostMapping(BASE + "/feedback/email")
	@Requires(Permission.SUBMIT_FEEDBACK)
	@Operation(summary = "Submit a pasted e-mail (the whole message with its headers) as feedback",
			description = "The subject becomes the title, the text the feedback. A contact with the sender's address"
					+ " makes it that contact's customer's (match CONTACT); otherwise the one customer with contacts at"
					+ " the sender's company domain is suggested (match SUGGESTED), to confirm or dismiss at"
					+ " …/feedback/{id}/customer-suggestion. An intake-only token gets only the feedback's id and status.")
	ResponseEntity<?> email(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@Valid @RequestBody EmailBody body) {
		List<String> tags = body.tags() == null ? List.of() : body.tags();
		if (user.scope().intakeOnly()) {
			IntakeReceipt receipt = emails.intake(productKey, body.email(), tags, user.id());
			return ResponseEntity.created(FeedbackApiController.location(productKey, receipt.id())).body(receipt);
		}
		EmailIntake.Result r = emails.submit(productKey, body.email(), tags, user.id());
		return ResponseEntity.created(FeedbackApiController.location(productKey, r.feedback().id())).body(r);
	}

}
