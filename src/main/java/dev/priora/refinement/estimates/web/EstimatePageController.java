package dev.priora.refinement.estimates.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.priora.accounts.Permission;
import dev.priora.accounts.Requires;
import dev.priora.problem.DomainProblem;
import dev.priora.refinement.estimates.EstimateSuggestions;
import dev.priora.refinement.estimates.SuggestionMode;
import dev.priora.web.HtmxToast;

/**
 * The parts of pages that show suggested estimates, loaded by htmx (the pages are the
 * backlog's, the suggestions this module's): next to the item page's estimate field,
 * under the new-item line while a title is typed (debounced), and the section of the
 * product's settings with the accuracy and the on/off choice, changed by a form (htmx
 * answers the section again with a toast; a plain post redirects to the settings page).
 */
@Controller
class EstimatePageController {

	static final String ITEM_FRAGMENT = "refinement/estimates :: item";

	static final String DRAFT_FRAGMENT = "refinement/estimates :: draft";

	static final String SETTINGS_FRAGMENT = "refinement/estimates :: settings";

	/** Titles shorter than this are still being typed: nothing is asked. */
	private static final int MIN_TITLE = 3;

	private final EstimateSuggestions suggestions;

	EstimatePageController(EstimateSuggestions suggestions) {
		this.suggestions = suggestions;
	}

	@GetMapping("/p/{key}/items/{itemKey}/estimate-suggestion")
	String item(@PathVariable String key, @PathVariable String itemKey, Model model) {
		model.addAttribute("suggestion", suggestions.forItem(key, itemKey));
		return ITEM_FRAGMENT;
	}

	@GetMapping("/p/{key}/estimate-suggestion")
	String draft(@PathVariable String key, @RequestParam(defaultValue = "") String title, Model model) {
		String t = title.strip();
		if (t.length() >= MIN_TITLE) {
			model.addAttribute("suggestion", suggestions.forText(key,
					t.length() > EstimateSuggestions.MAX_TITLE ? t.substring(0, EstimateSuggestions.MAX_TITLE) : t,
					""));
		}
		return DRAFT_FRAGMENT;
	}

	@GetMapping("/p/{key}/settings/estimates")
	String settings(@PathVariable String key, Model model) {
		model.addAttribute("estimates", suggestions.settings(key));
		return SETTINGS_FRAGMENT;
	}

	@PostMapping("/p/{key}/settings/estimates")
	@Requires(Permission.MANAGE_PRODUCT)
	String choose(@PathVariable String key, @RequestParam String mode,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		SuggestionMode m;
		try {
			m = SuggestionMode.valueOf(mode.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw DomainProblem.invalid("mode", "must be AUTO, ON or OFF");
		}
		var view = suggestions.settings(key, m);
		String toast = switch (m) {
			case AUTO -> "Estimates are suggested when they beat the median: " + (view.enabled() ? "on." : "off.");
			case ON -> "Estimates are suggested.";
			case OFF -> "Estimates are not suggested.";
		};
		if (htmx == null) {
			redirect.addFlashAttribute("toast", toast);
			return "redirect:/p/" + key.toUpperCase(Locale.ROOT) + "/settings";
		}
		HtmxToast.show(response, toast);
		model.addAttribute("estimates", view);
		return SETTINGS_FRAGMENT;
	}

}
