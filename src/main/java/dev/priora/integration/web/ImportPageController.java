package dev.priora.integration.web;

import java.io.IOException;
import java.util.Locale;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import dev.priora.accounts.Permission;
import dev.priora.accounts.Requires;
import dev.priora.accounts.SignedInUser;
import dev.priora.backlog.BacklogProblem;
import dev.priora.integration.GitHubImport;

/** The import page: upload an export, see the dry run, then import. */
@Controller
class ImportPageController {

	static final String IMPORT_VIEW = "integration/import";

	private final GitHubImport github;

	ImportPageController(GitHubImport github) {
		this.github = github;
	}

	@GetMapping("/p/{key}/import")
	@Requires(Permission.EDIT_BACKLOG)
	String page(@PathVariable String key, Model m) {
		m.addAttribute("productKey", key.toUpperCase(Locale.ROOT));
		return IMPORT_VIEW;
	}

	@PostMapping("/p/{key}/import")
	@Requires(Permission.EDIT_BACKLOG)
	String upload(@AuthenticationPrincipal SignedInUser user, @PathVariable String key,
			@RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "false") boolean dryRun,
			Model m) {
		m.addAttribute("productKey", key.toUpperCase(Locale.ROOT));
		try {
			if (file == null || file.isEmpty()) {
				throw BacklogProblem.invalid("file", "choose a GitHub issues JSON file");
			}
			m.addAttribute("report", github.importIssues(key, file.getBytes(), dryRun, user.id()));
		}
		catch (BacklogProblem e) {
			m.addAttribute("error", e.getMessage());
		}
		catch (IOException e) {
			m.addAttribute("error", "The file could not be read: " + e.getMessage());
		}
		return IMPORT_VIEW;
	}

}
