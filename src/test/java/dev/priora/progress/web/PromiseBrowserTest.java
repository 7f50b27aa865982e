package dev.priora.progress.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.priora.support.Fixtures.aCustomer;
import static dev.priora.support.Fixtures.aProduct;
import static dev.priora.support.Fixtures.someFeedback;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;

import dev.priora.support.BrowserTestBase;
import dev.priora.support.TestProduct;
import tools.jackson.databind.JsonNode;

/**
 * Plans you can promise in the browser: "only what we can promise" from the plan form,
 * and "what would it take" from the board's forecast to the release page, previewed at
 * two confidences and applied.
 */
class PromiseBrowserTest extends BrowserTestBase {

	@Test
	void plansOnlyWhatCanBePromisedAndShowsWhatWasLeftOut() {
		TestProduct product = aProduct("PRW").named("Promise in the browser").createdBy(api());
		WhatItTakesIntegrationTest.offTrack(product);
		signIn();
		page.navigate("/p/PRW/releases");
		page.locator("[data-dialog-open=plan-for-me]").click();
		page.locator("#plan-form input[name=name]").fill("Promised");
		page.locator("#plan-form input[name=timeLimit]").fill("4");
		page.locator("#plan-promise").check();
		assertThat(page.locator("#plan-form input[name=confidence]")).hasValue("85");
		page.locator("#plan-form button[type=submit]").click();
		assertThat(page.locator("#plan-state")).containsText("Done",
				new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
		Locator promise = page.locator("#plan-promise");
		assertThat(promise.locator("h2")).hasText("Only what we can promise, at 85 %");
		assertThat(promise.locator("#promise-windows tr[data-release=R1] td").nth(4)).containsText("85 % odds");
		assertThat(page.locator("#promise-summary")).containsText("leaves out");
		assertThat(page.locator("#promise-left-out tbody tr").first()).containsText("left out to reach 85 %");
		assertThat(page.locator("#plan-forecasts tr[data-release=R1] td[data-col=chance]")).containsText("%");
		screenshot("promise-plan");
		page.reload();
		assertThat(page.locator("#promise-windows")).isVisible();

		long customer = aCustomer("Acme").in(product);
		long feedback = someFeedback("We need story 1").from(customer).in(product);
		api().post(product.base() + "/feedback/" + feedback + "/links",
				"{\"item\":\"PRW-1\",\"importance\":\"IMPORTANT\"}");
		page.navigate("/p/PRW/customers/" + customer);
		assertThat(page.locator("#promise-p85")).isVisible();
		assertThat(page.locator("#promise-why")).containsText("the last of them is in R1");
		screenshot("customer-promise");
	}

	@Test
	void previewsWhatItWouldTakeAtTwoConfidencesAndAppliesIt() {
		TestProduct product = aProduct("PRX").named("What it takes in the browser").createdBy(api());
		long[] made = WhatItTakesIntegrationTest.offTrack(product);
		// the least valuable story is in R1's second sprint: the undo puts it back there
		product.plan("PRX-6", made[0], made[2]);
		signIn();
		page.navigate("/p/PRX/releases");
		page.locator("#release-forecasts tr[data-release=R1] a.what-it-takes-link").click();
		page.waitForURL("**/releases/*/progress**");
		Locator items = page.locator("#what-it-takes-items tbody tr");
		assertThat(items.first()).isVisible();
		int at85 = items.count();
		assertThat(page.locator("#what-it-takes-odds")).containsText("after");
		screenshot("what-it-takes");
		page.locator("#what-it-takes-form input[name=confidence]").fill("60");
		page.locator("#what-it-takes-preview").click();
		assertThat(page.locator("#what-it-takes[data-confidence='60']")).isVisible();
		org.assertj.core.api.Assertions.assertThat(items.count()).isLessThanOrEqualTo(at85);
		page.locator("#what-it-takes-form input[name=confidence]").fill("85");
		page.locator("#what-it-takes-preview").click();
		assertThat(page.locator("#what-it-takes[data-confidence='85']")).isVisible();
		assertThat(items).hasCount(at85);
		page.locator("#what-it-takes-apply select[name=to]").selectOption("next");
		page.locator("#what-it-takes-apply-button").click();
		assertThat(page.locator(".toast")).containsText(at85 + " items moved out of R1");
		assertThat(page.locator("#forecast-flag")).hasText("on track");
		screenshot("what-it-takes-undo");

		// the toast's undo puts them back, the sprint's one into its sprint
		page.locator("#toast-undo").click();
		assertThat(page.locator(".toast")).containsText(at85 + " items moved back into R1");
		page.reload();
		assertThat(page.locator("#forecast-flag")).not().hasText("on track");
		assertThat(items).hasCount(at85);
		JsonNode r1 = api().get(product.base() + "/releases/" + made[0]).json();
		org.assertj.core.api.Assertions.assertThat(r1.get("items").toString())
			.contains("\"key\":\"PRX-6\"")
			.containsPattern("\"key\":\"PRX-6\"[^}]*\"sprintId\":" + made[2]);

		page.locator("#what-it-takes-apply select[name=to]").selectOption("next");
		page.locator("#what-it-takes-apply-button").click();
		assertThat(page.locator(".toast")).containsText(at85 + " items moved out of R1");
		page.reload();
		assertThat(page.locator("#forecast-flag")).hasText("on track");
		assertThat(page.locator("#what-it-takes")).hasCount(0);
		screenshot("what-it-takes-applied");
	}

}
