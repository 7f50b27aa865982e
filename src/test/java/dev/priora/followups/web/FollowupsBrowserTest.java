package dev.priora.followups.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.priora.support.ApiClient;
import dev.priora.support.BrowserTestBase;

/**
 * The Tell customers page: an item two people asked for is done, the product owner edits
 * one draft, sends both selected in one go (post/redirect/get: a reload sends nothing
 * again), and the feedback page shows its sender was told.
 */
class FollowupsBrowserTest extends BrowserTestBase {

	private long feedback(ApiClient api, long customer, long contact, String text) {
		long id = api
			.post("/api/v1/products/FBR/feedback",
					ApiClient.json(Map.of("text", text, "customerId", customer, "contactId", contact)))
			.json()
			.get("id")
			.asLong();
		api.post("/api/v1/products/FBR/feedback/" + id + "/links",
				ApiClient.json(Map.of("item", "FBR-1", "importance", "CRITICAL", "quote", text)));
		return id;
	}

	/**
	 * Ships FBR-1, which two contacts of Acme asked for; answers Acme's id and Ana's
	 * feedback id.
	 */
	private long[] shipAnItemTwoContactsAskedFor() {
		ApiClient api = api();
		api.post("/api/v1/products", "{\"key\":\"FBR\",\"name\":\"Follow-up shop\"}");
		api.post("/api/v1/products/FBR/items",
				ApiClient.json(Map.of("type", "STORY", "title", "Export orders as CSV", "estimate", 3, "description",
						"Orders as a spreadsheet", "acceptanceCriteria",
						java.util.List.of(Map.of("statement", "A CSV file downloads")))));
		long acme = api
			.post("/api/v1/products/FBR/customers",
					"{\"name\":\"Acme\",\"contacts\":[{\"name\":\"Ana Lopez\",\"email\":\"ana@acme.test\"},"
							+ "{\"name\":\"Ben Ortiz\",\"email\":\"ben@acme.test\"}]}")
			.json()
			.get("id")
			.asLong();
		var contacts = api.get("/api/v1/products/FBR/customers/" + acme).json().get("contacts");
		long ana = feedback(api, acme, contacts.get(0).get("id").asLong(),
				"We export our orders by hand every Monday, it takes hours");
		feedback(api, acme, contacts.get(1).get("id").asLong(), "A CSV export would save my team a day a week");
		for (String status : new String[] { "READY", "IN_PROGRESS", "DONE" }) {
			api.patch("/api/v1/products/FBR/items/FBR-1", "{\"status\":\"" + status + "\"}",
					api.get("/api/v1/products/FBR/items/FBR-1").etag());
		}
		return new long[] { acme, ana };
	}

	@Test
	void draftsAreEditedAndSentInOneGoAndTheFeedbackShowsItsSenderWasTold() {
		long[] shipped = shipAnItemTwoContactsAskedFor();
		long acme = shipped[0];
		long ana = shipped[1];
		signIn();
		page.setViewportSize(1280, 900);
		page.navigate("/p/FBR/followups");
		assertThat(page.locator("h1")).hasText("Tell customers");
		assertThat(page.locator("#to-send .followup")).hasCount(2);
		assertThat(page.locator("a[data-nav=followups]")).hasAttribute("aria-current", "page");
		screenshot("followups-1280");
		page.setViewportSize(1920, 1080);
		screenshot("followups-1920");
		page.setViewportSize(1280, 900);

		var anaCard = page.locator("#to-send .followup")
			.filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Ana Lopez"));
		assertThat(anaCard.locator(".followup-body")).containsText("> We export our orders by hand");
		anaCard.locator("summary", new com.microsoft.playwright.Locator.LocatorOptions().setHasText("Edit")).click();
		anaCard.locator("input[name=subject]").fill("Your CSV export is ready, Ana");
		anaCard.getByText("Save").click();
		page.waitForURL("**/p/FBR/followups");
		assertThat(page.locator("#toasts")).containsText("Message to Ana Lopez saved.");
		assertThat(page.locator("#to-send")).containsText("Your CSV export is ready, Ana");

		page.locator("input[data-select-all=ids]").check();
		assertThat(page.locator("[data-selected-count=ids]")).hasText("2 selected");
		page.locator("#send-selected").click();
		page.waitForURL("**/p/FBR/followups");
		assertThat(page.locator("#toasts")).containsText("2 messages sent.");
		assertThat(page.locator("#recent tbody tr")).hasCount(2);
		assertThat(page.locator("#to-send")).hasCount(0);
		page.reload();
		assertThat(page.locator("#recent tbody tr")).hasCount(2);
		assertThat(page.locator("#recent")).containsText("E-mailed");
		screenshot("followups-sent-1280");

		page.navigate("/p/FBR/feedback/" + ana);
		assertThat(page.locator("#feedback-told")).containsText("Told ");
		screenshot("followups-feedback-told-1280");
		page.navigate("/p/FBR/feedback?status=ALL");
		assertThat(page.locator("#inbox-rows .told-state.told")).hasCount(2);
		screenshot("followups-inbox-1280");
		page.setViewportSize(1920, 1080);
		screenshot("followups-inbox-1920");
		page.navigate("/p/FBR/customers/" + acme);
		assertThat(page.locator("#customer-messages")).containsText("Your CSV export is ready, Ana");
		screenshot("followups-customer-1920");
	}

}
