package dev.priora.integration.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.priora.accounts.SignedInUser;
import dev.priora.integration.ProductArchive;
import dev.priora.web.RefusedForm;

/** Importing a product export from the products page. */
@Controller
class ArchivePageController {

	private final ProductArchive archive;

	ArchivePageController(ProductArchive archive) {
		this.archive = archive;
	}

	@PostMapping("/products/import")
	String restore(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) MultipartFile file,
			@RequestParam(defaultValue = "") String key, RedirectAttributes redirect) {
		String error;
		try {
			if (file != null && !file.isEmpty()) {
				var restored = archive.restore(file.getBytes(), key, user.id());
				redirect.addFlashAttribute("toast", restored.name() + " is imported.");
				return "redirect:/p/" + restored.key() + "/backlog";
			}
			error = "Choose a product export file.";
		}
		catch (ErrorResponseException e) {
			// post/redirect/get to the products page, whose import box shows the reason
			// and the key typed
			error = "Nothing was imported: " + reason(String.valueOf(e.getBody().getDetail()));
			redirect.addFlashAttribute(RefusedForm.ATTRIBUTE,
					new RefusedForm("/products/import", Map.of("key", List.of(key))));
		}
		catch (IOException e) {
			error = "The file could not be read: " + e.getMessage();
		}
		redirect.addFlashAttribute("importError", error);
		return "redirect:/products";
	}

	/**
	 * A refusal in words: the file named as the box names it (not by its parameter,
	 * "file: …"), and where another tool's file goes instead.
	 */
	private static String reason(String detail) {
		if (!detail.startsWith("file: ")) {
			return detail;
		}
		return "the export file " + detail.substring("file: ".length())
				+ ". Issues from Jira, Trello or GitHub come in through a product's Import page.";
	}

}
