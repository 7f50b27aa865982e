package dev.priora.integration.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import dev.priora.accounts.Permission;
import dev.priora.accounts.Requires;
import dev.priora.accounts.SignedInUser;
import dev.priora.problem.DomainProblem;
import dev.priora.integration.BacklogImport;
import dev.priora.integration.BacklogImportJobs;

/**
 * The import page: choose the tool and the file, see the dry run, import with progress.
 */
@Controller
class ImportPageController {

	static final String IMPORT_VIEW = "integration/import";

	static final String REPORT_FRAGMENT = "integration/import :: report";

	static final String JOB_FRAGMENT = "integration/import :: job";

	private final BacklogImport imports;

	private final BacklogImportJobs jobs;

	ImportPageController(BacklogImport imports, BacklogImportJobs jobs) {
		this.imports = imports;
		this.jobs = jobs;
	}

	/** The form's fields besides the file. */
	record ImportForm(String source, String statusMap, String typeMap, Boolean includeArchived, String storyPointsField,
			String epicLinkField) {

		BacklogImport.Source tool() {
			return BacklogImport.Source.of(source == null || source.isBlank() ? "jira" : source);
		}

		BacklogImport.Options options() {
			return new BacklogImport.Options(lines(statusMap), lines(typeMap), Boolean.TRUE.equals(includeArchived),
					blank(storyPointsField), blank(epicLinkField));
		}

		private static List<String> lines(String text) {
			return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip).toList();
		}

		private static String blank(String s) {
			return s == null || s.isBlank() ? null : s.strip();
		}

	}

	@GetMapping("/p/{key}/import")
	@Requires(Permission.EDIT_BACKLOG)
	String page(@PathVariable String key, Model m) {
		m.addAttribute("jobs", jobs.recent(key, 10));
		return IMPORT_VIEW;
	}

	@PostMapping("/p/{key}/import/preview")
	@Requires(Permission.EDIT_BACKLOG)
	String preview(@AuthenticationPrincipal SignedInUser user, @PathVariable String key,
			@RequestParam(required = false) MultipartFile file, ImportForm form, Model m) {
		try {
			m.addAttribute("report", imports.run(key, form.tool(), bytes(file), form.options(), true, user.id(), null));
		}
		catch (ErrorResponseException e) {
			// the report area shows what is wrong with the file, the options kept
			m.addAttribute("error", e.getBody().getDetail());
		}
		return REPORT_FRAGMENT;
	}

	@PostMapping("/p/{key}/import/start")
	@Requires(Permission.EDIT_BACKLOG)
	String start(@AuthenticationPrincipal SignedInUser user, @PathVariable String key,
			@RequestParam(required = false) MultipartFile file, ImportForm form, Model m) {
		try {
			m.addAttribute("job", jobs.start(key, form.tool(), bytes(file), form.options(), user.id()));
		}
		catch (ErrorResponseException e) {
			// the job area shows why the import did not start, the options kept
			m.addAttribute("error", e.getBody().getDetail());
		}
		return JOB_FRAGMENT;
	}

	@GetMapping("/p/{key}/import/{jobId}")
	@Requires(Permission.EDIT_BACKLOG)
	String job(@PathVariable String key, @PathVariable String jobId, Model m) {
		m.addAttribute("job", jobs.get(key, jobId));
		return JOB_FRAGMENT;
	}

	@PostMapping("/p/{key}/import/{jobId}/cancel")
	@Requires(Permission.EDIT_BACKLOG)
	String cancel(@PathVariable String key, @PathVariable String jobId, Model m) {
		try {
			m.addAttribute("job", jobs.cancel(key, jobId));
		}
		catch (ErrorResponseException e) {
			// the job area shows the job as it is, with why it could not be cancelled
			m.addAttribute("job", jobs.get(key, jobId));
			m.addAttribute("error", e.getBody().getDetail());
		}
		return JOB_FRAGMENT;
	}

	private static byte[] bytes(MultipartFile file) {
		if (file == null || file.isEmpty()) {
			throw DomainProblem.invalid("file", "choose the export file");
		}
		try {
			return file.getBytes();
		}
		catch (IOException e) {
			throw DomainProblem.invalid("file", "could not be read: " + e.getMessage());
		}
	}

}
