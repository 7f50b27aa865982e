package dev.priora.integration.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.priora.accounts.Permission;
import dev.priora.accounts.Requires;
import dev.priora.accounts.SignedInUser;
import dev.priora.integration.BacklogImport;
import dev.priora.integration.BacklogImportJobs;
import dev.priora.jobs.Upload;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Importing a backlog from Jira, GitHub or Trello. */
@RestController
@Tag(name = "Import")
class ImportApiController {

	private static final String BASE = "/api/v1/products/{productKey}/imports";

	private final BacklogImport imports;

	private final BacklogImportJobs jobs;

	ImportApiController(BacklogImport imports, BacklogImportJobs jobs) {
		this.imports = imports;
		this.jobs = jobs;
	}

	@PostMapping(BASE + "/{source}")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(
			summary = "Import a backlog export (the file as the body): source jira (CSV), jira-json, github or trello",
			description = "dryRun=true only reports what would happen (counts by type and status, unmapped columns, skipped"
					+ " rows with their row numbers and reasons). Otherwise all or nothing; async=true answers 202 with a job"
					+ " to follow (GET …/imports/{jobId}). status and type (repeatable) map the other tool's names:"
					+ " status=In QA=IN_PROGRESS, type=Feature=STORY. includeArchived for Trello; storyPointsField and"
					+ " epicLinkField name Jira custom fields (customfield_10105) when the export does not."
					+ " Items imported before (matched on the other tool's key) are skipped.")
	ResponseEntity<Object> importFile(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@PathVariable String source, @RequestBody Upload upload,
			@RequestParam(defaultValue = "false") boolean dryRun, @RequestParam(defaultValue = "false") boolean async,
			@RequestParam(name = "status", required = false) List<String> status,
			@RequestParam(name = "type", required = false) List<String> type,
			@RequestParam(defaultValue = "false") boolean includeArchived,
			@RequestParam(required = false) String storyPointsField,
			@RequestParam(required = false) String epicLinkField) {
		var options = new BacklogImport.Options(status, type, includeArchived, storyPointsField, epicLinkField);
		BacklogImport.Source s = BacklogImport.Source.of(source);
		byte[] file = upload.bytes();
		if (async && !dryRun) {
			return ResponseEntity.status(HttpStatus.ACCEPTED).body(jobs.start(productKey, s, file, options, user.id()));
		}
		return ResponseEntity.ok(imports.run(productKey, s, file, options, dryRun, user.id(), null));
	}

	@GetMapping(BASE)
	@Operation(summary = "The latest backlog imports, newest first")
	List<BacklogImportJobs.Job> recent(@PathVariable String productKey) {
		return jobs.recent(productKey, 20);
	}

	@GetMapping(BASE + "/{jobId}")
	@Operation(summary = "A background import: state, progress, and its report when done")
	BacklogImportJobs.Job job(@PathVariable String productKey, @PathVariable String jobId) {
		return jobs.get(productKey, jobId);
	}

	@DeleteMapping(BASE + "/{jobId}")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Cancel a running import; nothing of it is kept")
	BacklogImportJobs.Job cancel(@PathVariable String productKey, @PathVariable String jobId) {
		return jobs.cancel(productKey, jobId);
	}

}
