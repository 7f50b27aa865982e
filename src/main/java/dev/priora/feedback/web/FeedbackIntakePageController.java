package dev.priora.feedback.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.priora.accounts.Permission;
import dev.priora.accounts.Requires;
import dev.priora.accounts.SignedInUser;
import dev.priora.feedback.EmailIntake;
import dev.priora.feedback.FeedbackImporter;
import dev.priora.feedback.ImportJobs;
import dev.priora.feedback.ImportMapping;

/**
 * Pages for bringing feedback in by the bulk: importing a CSV or JSON file (choose the
 * columns from the file, preview, then import in the background with progress and
 * cancel), and pasting an e-mail.
 */
@Controller
class FeedbackIntakePageController {

	static final String IMPORT_VIEW = "feedback/import";

	static final String PREVIEW_FRAGMENT = "feedback/import :: preview";

	static final String JOB_FRAGMENT = "feedback/import :: job";

	static final String EMAIL_VIEW = "feedback/email";

	private final FeedbackImporter importer;

	private final ImportJobs jobs;

	private final EmailIntake emails;

	FeedbackIntakePageController(FeedbackImporter importer, ImportJobs jobs, EmailIntake emails) {
		this.importer = importer;
		this.jobs = jobs;
		this.emails = emails;
	}

	/** The mapping as chosen in the form; blanks mean "not in the file". */
	record MappingForm(String text, String title, String customer, String date, String externalId, String tags,
			String validRowsOnly) {

		ImportMapping toMapping() {
			return new ImportMapping(text, title, customer, date, externalId, tags, "true".equals(validRowsOnly));
		}

		/** The form's column for a field, or the file's column whose name suggests it. */
		public String pick(String field, List<String> columns) {
			String chosen = switch (field) {
				case "text" -> text;
				case "title" -> title;
				case "customer" -> customer;
				case "date" -> date;
				case "externalId" -> externalId;
				default -> tags;
			};
			if (chosen != null) {
				return chosen;
			}
			List<String> hints = HINTS.getOrDefault(field, List.of());
			for (String hint : hints) {
				for (String c : columns) {
					if (c.toLowerCase(Locale.ROOT).replaceAll("[^a-z.]", "").equals(hint)) {
						return c;
					}
				}
			}
			return "";
		}

		private static final Map<String, List<String>> HINTS = Map.of("text",
				List.of("text", "body", "description", "feedback", "comment", "message", "content"), "title",
				List.of("title", "subject", "summary", "name"), "customer",
				List.of("customer", "company", "account", "organization", "organisation", "customer.name"), "date",
				List.of("date", "created", "createdat", "receivedat", "submitted", "when", "timestamp"), "externalId",
				List.of("id", "externalid", "ticket", "key", "number"), "tags", List.of("tags", "labels", "tag"));

	}

	@GetMapping("/p/{key}/feedback/import")
	@Requires(Permission.EDIT_BACKLOG)
	String importPage(@PathVariable String key, Model model) {
		model.addAttribute("jobs", jobs.recent(key, 10));
		return IMPORT_VIEW;
	}

	@PostMapping("/p/{key}/feedback/import/preview")
	@Requires(Permission.EDIT_BACKLOG)
	String preview(@PathVariable String key, @RequestParam(required = false) MultipartFile file, MappingForm mapping,
			Model model) {
		model.addAttribute("mapping", mapping);
		try {
			byte[] bytes = bytes(file);
			var format = FeedbackImporter.Format.guess(file.getContentType(), file.getOriginalFilename());
			model.addAttribute("format", format);
			List<String> columns = importer.columns(format, bytes);
			if (columns.isEmpty()) {
				throw dev.priora.problem.DomainProblem.invalid("file", "has no columns");
			}
			model.addAttribute("columns", columns);
			String text = mapping.pick("text", columns);
			MappingForm chosen = new MappingForm(text.isEmpty() ? columns.get(0) : text, mapping.pick("title", columns),
					mapping.pick("customer", columns), mapping.pick("date", columns),
					mapping.pick("externalId", columns), mapping.pick("tags", columns), mapping.validRowsOnly());
			model.addAttribute("mapping", chosen);
			model.addAttribute("result", importer.importFile(key, format, bytes, chosen.toMapping(), true, null,
					FeedbackImporter.Progress.NONE));
		}
		catch (ErrorResponseException e) {
			// the preview area shows what is wrong with the file, the mapping kept
			model.addAttribute("error", e.getBody().getDetail());
		}
		return PREVIEW_FRAGMENT;
	}

	@PostMapping("/p/{key}/feedback/import/start")
	@Requires(Permission.EDIT_BACKLOG)
	String start(@AuthenticationPrincipal SignedInUser user, @PathVariable String key,
			@RequestParam(required = false) MultipartFile file, MappingForm mapping, Model model) {
		try {
			chosen(file);
			var format = FeedbackImporter.Format.guess(file.getContentType(), file.getOriginalFilename());
			try (var in = file.getInputStream()) {
				model.addAttribute("job", jobs.start(key, format, in, file.getSize(), mapping.toMapping(), user.id()));
			}
			catch (IOException e) {
				throw dev.priora.problem.DomainProblem.invalid("file", "could not be read: " + e.getMessage());
			}
		}
		catch (ErrorResponseException e) {
			// the job area shows why the import did not start, the mapping kept
			model.addAttribute("error", e.getBody().getDetail());
		}
		return JOB_FRAGMENT;
	}

	@GetMapping("/p/{key}/feedback/import/{jobId}")
	@Requires(Permission.EDIT_BACKLOG)
	String job(@PathVariable String key, @PathVariable String jobId, Model model) {
		model.addAttribute("job", jobs.get(key, jobId));
		return JOB_FRAGMENT;
	}

	@PostMapping("/p/{key}/feedback/import/{jobId}/cancel")
	@Requires(Permission.EDIT_BACKLOG)
	String cancel(@PathVariable String key, @PathVariable String jobId, Model model) {
		try {
			model.addAttribute("job", jobs.cancel(key, jobId));
		}
		catch (ErrorResponseException e) {
			// the job area shows the job as it is, with why it could not be cancelled
			model.addAttribute("job", jobs.get(key, jobId));
			model.addAttribute("error", e.getBody().getDetail());
		}
		return JOB_FRAGMENT;
	}

	@GetMapping("/p/{key}/feedback/email")
	@Requires(Permission.SUBMIT_FEEDBACK)
	String emailPage(@PathVariable String key, Model model) {
		return EMAIL_VIEW;
	}

	@PostMapping("/p/{key}/feedback/email")
	@Requires(Permission.SUBMIT_FEEDBACK)
	String email(@AuthenticationPrincipal SignedInUser user, @PathVariable String key,
			@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String tags, Model model,
			RedirectAttributes redirect) {
		try {
			var result = emails.submit(key, email, tags.isBlank() ? List.of() : List.of(tags.split("[,;]")), user.id());
			redirect.addFlashAttribute("emailFeedback", result.feedback().id());
			redirect.addFlashAttribute("emailResult", describe(result));
			return "redirect:/p/" + key.toUpperCase(Locale.ROOT) + "/feedback/email";
		}
		catch (ErrorResponseException e) {
			// the pasted e-mail again, with the reason above it
			model.addAttribute("error", e.getBody().getDetail());
			model.addAttribute("draft", email);
			model.addAttribute("draftTags", tags);
		}
		return EMAIL_VIEW;
	}

	/** "from Carol Jones &lt;carol@…&gt;: a contact of Umbrella." */
	static String describe(EmailIntake.Result r) {
		String sender = r.senderName() != null ? r.senderName() + " <" + r.senderEmail() + ">" : r.senderEmail();
		String match = switch (r.match()) {
			case CONTACT -> "a contact of " + r.feedback().customerName() + ".";
			case SUGGESTED -> "probably from " + r.feedback().suggestedCustomerName()
					+ " (same company domain): confirm it on the feedback page.";
			case NONE -> "no customer matches the sender; assign one on the feedback page.";
		};
		return "from " + sender + ": " + match;
	}

	private static void chosen(MultipartFile file) {
		if (file == null || file.isEmpty()) {
			throw dev.priora.problem.DomainProblem.invalid("file", "choose a CSV or JSON file");
		}
	}

	private static byte[] bytes(MultipartFile file) {
		chosen(file);
		try {
			return file.getBytes();
		}
		catch (IOException e) {
			throw dev.priora.problem.DomainProblem.invalid("file", "could not be read: " + e.getMessage());
		}
	}

}
