package dev.priora.refinement.estimates.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.priora.accounts.Permission;
import dev.priora.accounts.Requires;
import dev.priora.refinement.estimates.EstimateSuggestions;
import dev.priora.refinement.estimates.SettingsView;
import dev.priora.refinement.estimates.SuggestionMode;
import dev.priora.refinement.estimates.SuggestionView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Suggested estimates: for an item, for a text being written, and whether they are shown
 * with their accuracy on the product's own history. When nothing is suggested the answer
 * is still 200, with {@code estimate: null} and the {@code reason}.
 */
@RestController
@Tag(name = "Suggested estimates")
class EstimateApiController {

	private static final String BASE = "/api/v1/products/{productKey}";

	private final EstimateSuggestions suggestions;

	EstimateApiController(EstimateSuggestions suggestions) {
		this.suggestions = suggestions;
	}

	record TextBody(String title, String description) {
	}

	record SettingsBody(@NotNull SuggestionMode mode) {
	}

	@GetMapping(BASE + "/items/{itemKey}/estimate-suggestion")
	@Operation(summary = "The estimate suggested for an item from the most similar finished items of its product,"
			+ " with a range, a confidence and the items used; estimate null and a reason when nothing is suggested")
	SuggestionView forItem(@PathVariable String productKey, @PathVariable String itemKey) {
		return suggestions.forItem(productKey, itemKey);
	}

	@PostMapping(BASE + "/estimate-suggestion")
	@Requires(Permission.READ)
	@Operation(summary = "The estimate suggested for a new item's title and description")
	SuggestionView forText(@PathVariable String productKey, @RequestBody TextBody body) {
		return suggestions.forText(productKey, body.title(), body.description());
	}

	@GetMapping(BASE + "/estimate-suggestion/settings")
	@Operation(summary = "Whether estimates are suggested (mode AUTO, ON or OFF; AUTO: when they beat the median),"
			+ " and their leave-one-out accuracy on the product's finished items against the median's")
	SettingsView settings(@PathVariable String productKey) {
		return suggestions.settings(productKey);
	}

	@PutMapping(BASE + "/estimate-suggestion/settings")
	@Requires(Permission.MANAGE_PRODUCT)
	@Operation(summary = "Turn suggested estimates on, off, or back to automatic (on when they beat the median)")
	SettingsView settings(@PathVariable String productKey, @Valid @RequestBody SettingsBody body) {
		return suggestions.settings(productKey, body.mode());
	}

}
