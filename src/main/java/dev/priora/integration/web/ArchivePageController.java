package dev.priora.integration.web;

import java.io.IOException;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.priora.accounts.SignedInUser;
import dev.priora.integration.ProductArchive;

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
			error = "Nothing was imported: " + e.getBody().getDetail();
		}
		catch (IOException e) {
			error = "The file could not be read: " + e.getMessage();
		}
		redirect.addFlashAttribute("importError", error);
		return "redirect:/products";
	}

}
