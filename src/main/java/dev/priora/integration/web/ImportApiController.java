package dev.priora.integration.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.priora.accounts.Permission;
import dev.priora.accounts.Requires;
import dev.priora.accounts.SignedInUser;
import dev.priora.integration.GitHubImport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Importing a backlog from other tools. */
@RestController
@Tag(name = "Import")
class ImportApiController {

	private final GitHubImport github;

	ImportApiController(GitHubImport github) {
		this.github = github;
	}

	@PostMapping("/api/v1/products/{productKey}/imports/github")
	@Requires(Permission.EDIT_BACKLOG)
	@Operation(summary = "Import GitHub issues (the REST API's JSON as the body); dryRun=true only reports",
			description = "Pull requests are skipped; labels stay labels (\"bug\" makes a bug); milestones become releases;"
					+ " closed issues are done; issues imported before (owner/repo#number) are skipped. All or nothing.")
	GitHubImport.Report github(@AuthenticationPrincipal SignedInUser user, @PathVariable String productKey,
			@RequestBody byte[] file, @RequestParam(defaultValue = "false") boolean dryRun) {
		return github.importIssues(productKey, file, dryRun, user.id());
	}

}
