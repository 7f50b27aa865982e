package dev.priora.progress.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.priora.support.Fixtures.aCustomer;
import static dev.priora.support.Fixtures.aProduct;
import static dev.priora.support.Fixtures.someFeedback;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.RequestOptions;

import dev.priora.support.BrowserTestBase;
import dev.priora.support.TestProduct;

/**
 * The pages of "plans you can promise" as a newcomer meets them: every number's sentence
 * in the page's date format, nothing hidden past the right edge at 1280 px nor sideways
 * at 390 px, fragments opened directly land on their page, a confidence that is not a
 * number refused under its field.
 */
class OddsPagesBrowserTest extends BrowserTestBase {

	private static final String ISO_DAY = "\\d{4}-\\d{2}-\\d{2}";

	@Test
	void releaseOddsAndWhatItTakesReadWellAtBothWidths() {
		TestProduct product = aProduct("POD").named("Odds pages").createdBy(api());
		long[] releases = WhatItTakesIntegrationTest.offTrack(product);
		signIn();
		page.setViewportSize(1280, 900);
		page.navigate("/p/POD/releases");
		Locator link = page.locator("#release-forecasts tr[data-release=R1] a.what-it-takes-link");
		assertThat(link).isVisible();
		BoundingBox box = link.boundingBox();
		BoundingBox wrap = page.locator("#release-forecasts .table-wrap").boundingBox();
		org.assertj.core.api.Assertions.assertThat(box.x + box.width)
			.as("the 'What would it take?' link is not hidden past the table's right edge")
			.isLessThanOrEqualTo(wrap.x + wrap.width);
		screenshot("odds-releases-1280");
		page.setViewportSize(390, 844);
		page.reload();
		assertThat(page.locator("#release-forecasts")).isVisible();
		assertNoSidewaysScroll();
		screenshot("odds-releases-390");
		// on a phone the breadcrumbs show their last step, whole
		assertThat(page.locator(".crumbs li").first()).isHidden();
		assertThat(page.locator(".crumbs li").last()).hasText("Releases");
		org.assertj.core.api.Assertions
			.assertThat((Boolean) page.locator(".crumbs li").last().evaluate("e => e.scrollWidth <= e.clientWidth"))
			.isTrue();

		page.navigate("/p/POD/releases/" + releases[0] + "/what-it-takes");
		page.waitForURL("**/releases/" + releases[0] + "/progress**");
		assertThat(page.locator("#what-it-takes-note")).containsText("Move ");
		assertThat(page.locator("#what-it-takes-note")).not().containsText(java.util.regex.Pattern.compile(ISO_DAY));
		assertNoSidewaysScroll();
		screenshot("odds-what-it-takes-390");

		var bad = page.request()
			.get("/p/POD/releases/" + releases[0] + "/what-it-takes?confidence=abc",
					RequestOptions.create().setHeader("HX-Request", "true"));
		org.assertj.core.api.Assertions.assertThat(bad.status()).isEqualTo(200);
		org.assertj.core.api.Assertions.assertThat(bad.text())
			.contains("Confidence (%) must be a whole number from 50 to 99.")
			.contains("value=\"abc\"");
		// a tampered form: the apply refuses the confidence and says why, on the release
		// page
		page.evaluate("() => document.querySelector('#what-it-takes-apply input[name=confidence]').value = 'lots'");
		page.locator("#what-it-takes-apply-button").click();
		page.waitForURL("**/releases/" + releases[0] + "/progress**");
		assertThat(page.locator("p.error[role=alert]")).containsText("Confidence (%) must be a whole number");
		assertThat(page.locator("#forecast-flag")).hasText("off track");
	}

	@Test
	void aPromisePlanReadsWellAtBothWidthsAndItsPartsOpenOnTheirPages() {
		TestProduct product = aProduct("POE").named("Odds plan").createdBy(api());
		WhatItTakesIntegrationTest.offTrack(product);
		long customer = aCustomer("Acme").in(product);
		long feedback = someFeedback("We need story 1").from(customer).in(product);
		api().post(product.base() + "/feedback/" + feedback + "/links",
				"{\"item\":\"POE-1\",\"importance\":\"IMPORTANT\"}");
		signIn();
		page.setViewportSize(1280, 900);
		page.navigate("/p/POE/releases");
		page.locator("[data-dialog-open=plan-for-me]").click();
		page.locator("#plan-form input[name=name]").fill("Promised");
		page.locator("#plan-form input[name=timeLimit]").fill("3");
		page.locator("#plan-form select[name=value]").selectOption("CUSTOMER");
		page.locator("#plan-promise").check();
		page.locator("#plan-form button[type=submit]").click();
		assertThat(page.locator("#plan-state")).containsText("Done",
				new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
		String plan = page.url().replaceAll("[?#].*", "");
		assertThat(page.locator("#promise-windows tr[data-release=R1] td").nth(4)).containsText("by its target date");
		assertThat(page.locator("#promise-windows")).not().containsText(java.util.regex.Pattern.compile(ISO_DAY));
		assertThat(page.locator("#plan-customer-promises tr[data-customer=Acme]")).isVisible();
		screenshot("odds-plan-1280");
		page.setViewportSize(390, 844);
		page.reload();
		assertThat(page.locator("#plan-customer-promises tr[data-customer=Acme]")).isVisible();
		assertNoSidewaysScroll();
		BoundingBox planned = page.locator("#plan-items").boundingBox();
		BoundingBox leftOut = page.locator("#plan-excluded").boundingBox();
		org.assertj.core.api.Assertions.assertThat(leftOut.y)
			.as("'Left out' sits under 'Planned' on a phone, not over it")
			.isGreaterThanOrEqualTo(planned.y + planned.height);
		org.assertj.core.api.Assertions
			.assertThat(page.locator("#promise-windows tbody tr").first().boundingBox().height)
			.as("the reason column is wide enough to read, not a word a line")
			.isLessThan(160);
		screenshot("odds-plan-390");

		for (Map.Entry<String, String> part : Map
			.of(plan + "/forecasts", "#plan-forecasts", plan + "/customer-promises", "#plan-customer-promises",
					"/p/POE/release-forecasts", "#release-forecasts", "/p/POE/customers/" + customer + "/promise",
					"#customer-promise")
			.entrySet()) {
			page.navigate(part.getKey());
			assertThat(page.locator("h1")).isVisible();
			assertThat(page.locator(part.getValue())).isVisible();
		}
	}

	private void assertNoSidewaysScroll() {
		org.assertj.core.api.Assertions.assertThat(dev.priora.support.Fits.pastTheRightEdge(page))
			.as("the page does not scroll sideways")
			.isEmpty();
	}

}
