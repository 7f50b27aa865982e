package dev.priora.feedback.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.priora.support.Fixtures.aProduct;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.options.FilePayload;

import dev.priora.support.BrowserTestBase;

/**
 * Bringing feedback in by the bulk in the browser: import a CSV with the columns guessed
 * from their names and a preview, follow its progress, filter the inbox by date, triage
 * many at once, and paste an e-mail.
 */
class FeedbackIntakeBrowserTest extends BrowserTestBase {

	private static final String CSV = "ticket,subject,description,company,created\n"
			+ "T-1,Excel export,We need an Excel export of orders,Acme,2024-03-01\n"
			+ "T-2,Faster search,Search is slow on big catalogues,Globex,2024-03-02\n"
			+ "T-3,Gift cards,Sell gift cards,Acme,2024-03-03\n";

	@Test
	void importsACsvThenFiltersByDateAndTriagesManyAtOnce() {
		aProduct("INB").named("Intake").createdBy(api());
		signIn();
		page.navigate("/p/INB/feedback");
		page.locator("#to-import").click();
		// htmx wires the file input up once the page has loaded
		page.waitForURL("**/feedback/import");
		page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
		page.locator("#import-file")
			.setInputFiles(new FilePayload("requests.csv", "text/csv", CSV.getBytes(StandardCharsets.UTF_8)));
		assertThat(page.locator("#map-text")).hasValue("description");
		assertThat(page.locator("#map-title")).hasValue("subject");
		assertThat(page.locator("#map-customer")).hasValue("company");
		assertThat(page.locator("#map-externalId")).hasValue("ticket");
		assertThat(page.locator("#import-summary")).containsText("3 to import");
		assertThat(page.locator("#import-rows")).containsText("Search is slow on big catalogues");
		page.locator("#map-title").selectOption("");
		assertThat(page.locator("#import-rows")).not().containsText("Faster search");
		page.locator("#map-title").selectOption("subject");
		assertThat(page.locator("#import-rows")).containsText("Faster search");
		page.locator("#start-import").click();
		assertThat(page.locator("#job-state")).containsText("Done: 3 feedback imported");
		assertThat(page.locator("#job-state")).containsText("2 new customers");

		page.navigate("/p/INB/feedback?status=ALL&from=2024-03-02&to=2024-03-02");
		assertThat(page.locator("#inbox-rows li.feedback")).hasCount(1);
		assertThat(page.locator("#inbox-rows")).containsText("Faster search");

		page.navigate("/p/INB/feedback");
		assertThat(page.locator("#inbox-rows li.feedback")).hasCount(3);
		page.locator("#inbox-rows li.feedback",
				new com.microsoft.playwright.Page.LocatorOptions().setHasText("Gift cards"))
			.locator("input[name=ids]")
			.check();
		page.locator("#inbox-rows li.feedback", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Excel"))
			.locator("input[name=ids]")
			.check();
		page.locator("#bulk-action").selectOption("DECLINED");
		page.locator("#bulk-apply").click();
		assertThat(page.locator("#bulk-done")).hasText("2 feedback moved to declined.");
		assertThat(page.locator("#inbox-rows li.feedback")).hasCount(1);
		page.locator("[data-select-all=ids]").check();
		page.locator("#bulk-action").selectOption("LINK");
		page.locator("#bulk-item").fill("INB-404");
		page.locator("#bulk-apply").click();
		// refused: the reason in the error toast, the list as it was
		assertThat(page.locator("#toasts .toast.error")).containsText("INB-404");
		assertThat(page.locator("#inbox-rows li.feedback")).hasCount(1);
	}

	@Test
	void aPastedEmailBecomesFeedbackFromItsSender() {
		aProduct("EMB").named("Email browser").createdBy(api());
		api().post("/api/v1/products/EMB/customers",
				"{\"name\":\"Umbrella\",\"contacts\":[{\"name\":\"Alice\",\"email\":\"alice@umbrella.example\"}]}");
		signIn();
		page.navigate("/p/EMB/feedback");
		page.locator("#to-email").click();
		page.getByLabel("E-mail")
			.fill("From: Carol Jones <carol@umbrella.example>\nSubject: Invoices as PDF\n"
					+ "Date: Mon, 4 Mar 2024 09:00:00 +0000\n\nCould invoices come as PDF attachments?\n");
		page.locator("#email-form button[type=submit]").click();
		assertThat(page.locator("#email-result")).containsText("probably from Umbrella");
		page.locator("#email-result a").click();
		assertThat(page.locator("#feedback-title")).hasText("Invoices as PDF");
		assertThat(page.locator("#feedback-submitter")).containsText("carol@umbrella.example");
		assertThat(page.locator("#feedback-customer")).hasCount(0);
		assertThat(page.locator("#customer-suggestion")).containsText("Probably from Umbrella");
		page.locator("#confirm-suggestion").click();
		assertThat(page.locator("#feedback-customer")).hasText("Umbrella");
		assertThat(page.locator("#customer-suggestion")).hasCount(0);
	}

}
