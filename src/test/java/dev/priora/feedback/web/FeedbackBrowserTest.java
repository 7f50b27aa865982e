package dev.priora.feedback.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import dev.priora.support.BrowserTestBase;

/**
 * Feedback in the browser: submit, see the duplicate and the item suggested, link, see
 * demand, triage by key.
 */
class FeedbackBrowserTest extends BrowserTestBase {

	@Test
	void submitsFeedbackSeesSuggestionsLinksItAndTriagesByKeyboard() {
		api().post("/api/v1/products/SHOP/feedback",
				"{\"title\":\"Apple Pay please\",\"text\":\"Let us pay with Apple Pay on the phone\"}");
		signIn();
		page.navigate("/p/SHOP/feedback");
		page.locator("#page-action").click();
		page.locator("#submit-feedback input[name=title]").fill("Wallet checkout");
		page.locator("#submit-feedback textarea[name=text]").fill("Our shoppers want to pay with their phone wallet");
		page.locator("#submit-feedback button[type=submit]").click();
		assertThat(page.locator("#inbox p.notice")).containsText("added");
		Locator mine = page.locator("#inbox-rows li.feedback", new Page.LocatorOptions().setHasText("Wallet checkout"));
		assertThat(mine).isVisible();

		mine.locator("a.open").click();
		assertThat(page.locator("#similar li[data-kind=feedback]",
				new Page.LocatorOptions().setHasText("Apple Pay please")))
			.hasCount(1);
		assertThat(page.locator("#similar")).containsText("SHOP-5");
		page.locator("#link-form input[name=item]").fill("SHOP-5");
		page.locator("#link-form select[name=importance]").selectOption("CRITICAL");
		page.locator("#link-form input[name=quote]").fill("pay with their phone wallet");
		page.locator("#link-form button[type=submit]").click();
		assertThat(page.locator("#feedback-links")).containsText("SHOP-5");
		assertThat(page.locator("#feedback-status")).hasText("linked");

		page.navigate("/p/SHOP/items/SHOP-5");
		assertThat(page.locator("#demand")).containsText("feedback without a customer");

		page.navigate("/p/SHOP/feedback");
		Locator first = page.locator("#inbox-rows li.feedback").first();
		String id = first.getAttribute("data-id");
		first.focus();
		page.keyboard().press("a");
		assertThat(page.locator("#inbox-rows li.feedback[data-id='" + id + "']")).hasCount(0);
		page.navigate("/p/SHOP/feedback?status=ARCHIVED");
		assertThat(page.locator("#inbox-rows li.feedback[data-id='" + id + "']")).hasCount(1);
	}

	@Test
	void aVisitorSubmitsThroughThePublicFormAndTheOwnerTriagesIt() {
		signIn();
		page.navigate("/p/SHOP/public-forms");
		page.locator("#new-form button").click();
		String link = page.locator("#new-form-link code").textContent().strip();

		var visitorContext = newContext();
		Page visitor = visitorContext.newPage();
		visitor.navigate(link.substring(link.indexOf("/f/")));
		visitor.getByLabel("Subject").fill("Loyalty points");
		visitor.getByLabel("What would help you?").fill("I would love loyalty points for repeat purchases");
		visitor.locator("#public-form button[type=submit]").click();
		assertThat(visitor.locator("#thanks")).isVisible();
		visitorContext.close();

		page.navigate("/p/SHOP/feedback");
		Locator row = page.locator("#inbox-rows li.feedback", new Page.LocatorOptions().setHasText("Loyalty points"));
		assertThat(row).isVisible();
		String id = row.getAttribute("data-id");
		row.focus();
		page.keyboard().press("t");
		assertThat(page.locator("#inbox-rows li.feedback[data-id='" + id + "']")).hasCount(0);
		page.navigate("/p/SHOP/feedback/" + id);
		assertThat(page.locator("#feedback-status")).hasText("triaged");
	}

	@Test
	void suggestsSimilarItemsWhileTypingANewItem() {
		signIn();
		page.navigate("/p/SHOP/backlog");
		page.locator("#new-title")
			.pressSequentially("pay with apple pay", new Locator.PressSequentiallyOptions().setDelay(20));
		assertThat(page.locator("#new-item-similar")).containsText("SHOP-5");
	}

	@Test
	void addsACustomerOnTheCustomersPage() {
		signIn();
		page.navigate("/p/SHOP/customers");
		page.locator("#page-action").click();
		page.locator("#add-customer input[name=name]").fill("Nordic Outdoor");
		page.locator("#add-customer input[name=segment]").fill("Mid-market");
		page.locator("#add-customer input[name=revenue]").fill("84000");
		page.locator("#add-customer input[name=currency]").fill("sek");
		page.locator("#add-customer button[type=submit]").click();
		assertThat(page.locator("#customers")).containsText("Nordic Outdoor");
		assertThat(page.locator("#customers")).containsText("84,000 SEK");
		assertThat(page.locator(".toast")).containsText("Nordic Outdoor added.");
	}

	@Test
	void turnsFeedbackIntoAUserStoryAfterEditingTheDraft() {
		long customer = api()
			.post("/api/v1/products/SHOP/customers", "{\"name\":\"Fashion Co\",\"segment\":\"Retail\"}")
			.json()
			.get("id")
			.asLong();
		long id = api()
			.post("/api/v1/products/SHOP/feedback", "{\"title\":\"Size guide\",\"text\":\"We need a size "
					+ "guide on product pages so that fewer clothes come back. Show it per brand.\",\"customerId\":"
					+ customer + "}")
			.json()
			.get("id")
			.asLong();
		signIn();
		page.navigate("/p/SHOP/feedback/" + id);
		page.locator("#to-story").click();
		assertThat(page.locator("#story-form input[name=role]")).hasValue("retail customer");
		assertThat(page.locator("#story-form input[name=want]")).hasValue("a size guide on product pages");
		assertThat(page.locator("#story-form input[name=benefit]")).hasValue("fewer clothes come back");
		page.locator("#story-form input[name=title]").fill("Size guide per brand");
		// a template placeholder typed in is refused, naming the field
		page.locator("#story-form input[name=criteria]").first().fill("Given a shopper, when <action>, then it shows");
		page.locator("#story-form button[type=submit]").click();
		assertThat(page.locator(".error-summary")).containsText("acceptanceCriteria[0]");
		assertThat(page.locator(".error-summary")).containsText("<action>");
		page.locator("#story-form input[name=criteria]")
			.first()
			.fill("Given a jacket, when I open it, then I see its sizes");
		page.locator("#story-form button[type=submit]").click();
		assertThat(page.locator("#item-title")).hasText("Size guide per brand");
		assertThat(page.locator("#criteria li")).hasCount(1);
		assertThat(page.locator("#description")).containsText(
				"As a retail customer, I want a size guide on product pages, so that fewer clothes come back.");
		assertThat(page.locator("#demand")).containsText("1 customer asking");
		page.navigate("/p/SHOP/feedback/" + id);
		assertThat(page.locator("#feedback-links")).containsText("Size guide per brand");
		page.navigate("/p/SHOP/customers/" + customer);
		assertThat(page.locator("#customer-feedback")).containsText("Size guide");
		assertThat(page.locator("#customer-items")).containsText("Size guide per brand");
		assertThat(page.locator("#customer-items")).containsText("not delivered");
	}

	@Test
	void leavesWhatTheFeedbackDoesNotSayEmptyWithAHint() {
		long id = api()
			.post("/api/v1/products/SHOP/feedback",
					"{\"title\":\"Refills\",\"text\":\"We sell stationery; "
							+ "our customers want to order refills by subscription.\"}")
			.json()
			.get("id")
			.asLong();
		signIn();
		page.navigate("/p/SHOP/feedback/" + id + "/story");
		assertThat(page.locator("#story-form input[name=want]"))
			.hasValue("our customers to be able to order refills by subscription");
		assertThat(page.locator("#story-form input[name=benefit]")).hasValue("");
		assertThat(page.locator("#story-form input[name=benefit]")).hasAttribute("placeholder",
				java.util.regex.Pattern.compile("why it matters to them"));
		assertThat(page.locator("#story-form")).not().containsText("<");
		screenshot("story-draft");
		page.locator("#story-form button[type=submit]").click();
		assertThat(page.locator("#description"))
			.containsText("As a customer, I want our customers to be able to order refills by subscription.");
	}

}
