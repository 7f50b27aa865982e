package dev.priora.refinement.health.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.priora.support.Fixtures.aProduct;
import static dev.priora.support.Fixtures.aStory;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.priora.support.BrowserTestBase;
import dev.priora.support.TestProduct;

/**
 * The Health page in Chromium: reached from the sidebar, a finding's fix link opens the
 * item with the field to fill focused, and once fixed the finding is gone after a reload;
 * the settings form saves; no console error and no sideways scrolling at 1280 px.
 */
class HealthBrowserTest extends BrowserTestBase {

	@Test
	void aFixLinkLeadsToTheFieldAndTheFixedFindingIsGoneAfterAReload() {
		TestProduct p = aProduct("HBR").named("Health browser").createdBy(api());
		aStory("Refund flow").description("Customers want their money back").criteria("Refund in 5 days").in(p);
		aStory("Gift cards").description("Customers give cards").criteria("Card works").estimate(3).in(p);
		List<String> errors = new ArrayList<>();
		page.onConsoleMessage(m -> {
			if ("error".equals(m.type())) {
				errors.add(m.text());
			}
		});
		signIn();
		page.navigate("/p/HBR/backlog");
		page.locator("a.nav-link[data-nav=health]").click();
		page.waitForURL("**/p/HBR/health");
		assertThat(page.locator("#health-score")).isVisible();
		assertThat(page.locator("#health-chart canvas, #health-chart svg").first()).isVisible();
		assertThat(page.locator("#finding-unestimated tbody tr")).hasCount(1);
		assertThat(page.locator("#finding-unestimated tbody tr")).containsText("HBR-1");
		assertThat(page.locator("#finding-empty_epic")).containsText("Nothing to fix here.");
		screenshot("health/before-fix");

		page.locator("#finding-unestimated a.fix-link").click();
		page.waitForURL("**/p/HBR/items/HBR-1#edit-estimate");
		assertThat(page.locator("details#edit")).hasAttribute("open", "");
		assertThat(page.locator("#edit-estimate")).isFocused();
		page.locator("#edit-estimate").fill("5");
		page.waitForResponse(r -> r.url().endsWith("/items/HBR-1/edit"),
				() -> page.locator("#edit-form button[type=submit]").click());
		assertThat(page.locator("#edit-estimate")).hasValue("5");
		org.assertj.core.api.Assertions.assertThat(p.api().get(p.path("/items/HBR-1")).json().get("estimate").asInt())
			.isEqualTo(5);

		page.goBack();
		page.waitForURL("**/p/HBR/health");
		page.reload();
		assertThat(page.locator("#finding-unestimated")).containsText("Nothing to fix here.");
		assertThat(page.locator("#finding-unestimated tbody tr")).hasCount(0);

		page.locator("#field-topN").fill("5");
		page.locator("#health-settings button[type=submit]").click();
		assertThat(page.locator("#health-settings")).containsText("The top 5 items should be ready");
		assertThat(page.locator("#finding-not_ready h2")).containsText("Not ready in the top 5");
		org.assertj.core.api.Assertions
			.assertThat((Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
			.as("no sideways scrolling at 1280 px")
			.isTrue();
		screenshot("health/after-fix");
		org.assertj.core.api.Assertions.assertThat(errors).as("console errors").isEmpty();
	}

}
