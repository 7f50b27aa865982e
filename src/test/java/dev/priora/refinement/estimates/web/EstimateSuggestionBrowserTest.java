package dev.priora.refinement.estimates.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.priora.support.Fixtures.aStory;

import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import dev.priora.support.BrowserTestBase;
import dev.priora.support.TestProduct;

/**
 * Suggested estimates in Chromium, on a product with a known history
 * ({@link TwoKindsOfItems}): typing a new item's title shows a suggestion that "Use this"
 * puts into the new item's estimate (saved, as a reload shows); the item page's
 * suggestion fills the estimate field; the settings show the accuracy and switch
 * suggestions off and back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EstimateSuggestionBrowserTest extends BrowserTestBase {

	private TestProduct product;

	@BeforeAll
	void history() {
		product = TwoKindsOfItems.in(api(), "ESTW");
	}

	@Test
	void aSuggestionWhileTypingANewTitleIsUsedAndSaved() {
		signIn();
		page.setViewportSize(1280, 900);
		page.navigate("/p/ESTW/backlog");
		page.locator("#new-title").pressSequentially("Export the invoice lines to CSV");
		Locator suggestion = page.locator("#draft-suggestion");
		assertThat(suggestion.locator(".suggested-estimate")).hasText("2 points");
		assertThat(suggestion.locator(".basis a").first()).hasAttribute("href",
				Pattern.compile("/p/ESTW/items/ESTW-\\d+"));
		screenshot("estimate-suggestion-new-item-1280");

		suggestion.getByText("Use this").click();
		assertThat(page.locator("#new-estimate")).hasValue("2");
		page.locator("#new-title").press("Enter");
		Locator row = page.locator("ol.backlog li.row",
				new Page.LocatorOptions().setHasText("Export the invoice lines to CSV"));
		assertThat(row.locator("select.estimate-select")).hasValue("2");

		page.reload();
		assertThat(row.locator("select.estimate-select")).hasValue("2");
		assertThat(page.locator("#draft-suggestion")).hasCount(0);
	}

	@Test
	void theItemPageSuggestionFillsTheEstimateField() {
		String key = aStory("Move wallet payments to the new payment provider").in(product);
		signIn();
		page.setViewportSize(1280, 900);
		page.navigate("/p/ESTW/items/" + key);
		page.locator("#edit summary").click();
		Locator suggestion = page.locator("#estimate-suggestion");
		assertThat(suggestion.locator(".suggested-estimate")).hasText("13 points");
		assertThat(suggestion).containsText("confidence");
		screenshot("estimate-suggestion-item-1280");

		suggestion.getByText("Use this").click();
		assertThat(page.locator("#edit-estimate")).hasValue("13");
		page.locator("#edit-form button[type=submit]").click();
		assertThat(page.locator(".facts")).containsText("13 points");

		page.reload();
		assertThat(page.locator(".facts")).containsText("13 points");
		assertThat(page.locator("#estimate-suggestion")).hasCount(0);
	}

	@Test
	void theSettingsShowTheAccuracyAndSwitchSuggestionsOffAndBack() {
		signIn();
		page.setViewportSize(1280, 900);
		page.navigate("/p/ESTW/settings");
		Locator section = page.locator("#estimate-settings");
		assertThat(section.locator("#estimate-accuracy")).containsText("On 12 finished items");
		assertThat(section.locator("#estimate-state")).containsText("Suggested");
		screenshot("estimate-settings-1280");

		section.getByLabel("Never").check();
		section.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
		assertThat(page.locator("#toasts")).containsText("Estimates are not suggested.");
		assertThat(page.locator("#estimate-state .badge")).hasText("Not suggested");

		section = page.locator("#estimate-settings");
		section.getByLabel("Automatically").check();
		section.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
		assertThat(page.locator("#toasts")).containsText("when they beat the median: on.");
		assertThat(page.locator("#estimate-state .badge")).hasText("Suggested");
	}

}
