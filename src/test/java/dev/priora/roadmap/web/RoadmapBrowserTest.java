package dev.priora.roadmap.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.priora.support.Fixtures.aProduct;
import static dev.priora.support.Fixtures.aRelease;
import static dev.priora.support.Fixtures.aStory;
import static dev.priora.support.Fixtures.anObjective;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Page;

import dev.priora.accounts.AccountService;
import dev.priora.accounts.ProductRole;
import dev.priora.accounts.ProductRoles;
import dev.priora.support.ApiClient;
import dev.priora.support.BrowserTestBase;
import dev.priora.support.TestProduct;

/**
 * The product owner sets a goal and an objective and shares the roadmap; a stakeholder
 * opens the link.
 */
class RoadmapBrowserTest extends BrowserTestBase {

	@Test
	void setsTheGoalAddsAnObjectiveAndSharesTheRoadmapReadOnly() {
		ApiClient api = api();
		TestProduct product = aProduct("RDB").named("Shared roadmap").createdBy(api);
		long release = aRelease("Spring").capacity(10).in(product);
		aStory("Gift cards").estimate(3).in(product);
		api.put("/api/v1/products/RDB/items/RDB-1/release", "{\"releaseId\":" + release + "}", null);
		signIn();
		page.navigate("/p/RDB/roadmap");
		page.locator("#goal-form input[name=goal]").fill("Sell more in the holidays");
		page.locator("#goal-form button").click();
		assertThat(page.locator("#product-goal")).containsText("Sell more in the holidays");
		page.locator("#objective-form input[name=title]").fill("Holiday revenue");
		page.locator("#objective-form textarea[name=keyResults]").fill("Gift card sales 5 % of revenue");
		page.locator("#objective-form button").click();
		assertThat(page.locator("#objectives li[data-objective='Holiday revenue']")).containsText("Gift card sales");
		assertThat(page.locator("#now-next-later .board-column[data-column=Next] .card[data-key=RDB-1]")).hasCount(1);
		assertThat(page.locator("#unaligned")).containsText("RDB-1");
		// align the planned item with the objective: the report counts its points, the
		// warning goes
		page.locator("#align-form input[name=item]").fill("RDB-99");
		page.locator("#align-form button").click();
		// refused next to the form, with what was typed kept and the field marked
		assertThat(page.locator("h1")).hasText("Roadmap");
		assertThat(page.locator("#align-form .error-summary")).containsText("'RDB-99' is no item of RDB");
		assertThat(page.locator("#align-form input[name=item]")).hasValue("RDB-99");
		assertThat(page.locator("#align-form input[name=item]")).hasAttribute("aria-invalid", "true");
		assertThat(page.locator("#align-form .field-error")).hasText("'RDB-99' is no item of RDB");
		page.locator("#align-form input[name=item]").fill("1");
		page.locator("#align-form select[name=objective]").selectOption(new String[] { "Holiday revenue" });
		page.locator("#align-form button").click();
		assertThat(page.locator(".toast")).containsText("RDB-1 is aligned with Holiday revenue.");
		page.reload();
		assertThat(page.locator("#alignment tbody tr").first()).containsText("100 %");
		assertThat(page.locator("#unaligned")).hasCount(0);
		page.locator("#share-form input[name=name]").fill("Board, Q1 review");
		page.locator("#share-form input[name=days]").fill("30");
		page.locator("#share-form button").click();
		String link = page.locator("#new-roadmap-link code").textContent().strip();
		// the list names the link by whom it was shared with, and it was never opened
		var row = page.locator("#roadmap-links > li").first();
		assertThat(row.locator(".link-name")).hasText("Board, Q1 review");
		assertThat(row.locator(".link-opened")).hasText("never opened");

		var stakeholder = newContext();
		Page visitor = stakeholder.newPage();
		visitor.navigate(link);
		assertThat(visitor.locator("h1")).hasText("Shared roadmap roadmap");
		assertThat(visitor.locator("#product-goal")).containsText("Sell more in the holidays");
		assertThat(visitor.locator("#now-next-later")).containsText("Gift cards");
		assertThat(visitor.locator("#goal-form")).hasCount(0);
		stakeholder.close();
		// the team sees that the stakeholder looked
		page.reload();
		assertThat(page.locator("#roadmap-links > li .link-opened").first()).hasText("opened once, last");
		org.assertj.core.api.Assertions.assertThat(dev.priora.support.Fits.pastTheRightEdge(page))
			.as("roadmap with a link at 1280 px")
			.isEmpty();
	}

	/**
	 * On a phone the roadmap and its shared view stay within the screen (the timeline
	 * scrolls in its own box); a refused objective names the field by its label; a
	 * revoked link tells the stakeholder it no longer works, without offering a sign-in.
	 */
	@Test
	void onAPhoneTheRoadmapFitsAndARevokedLinkSaysItNoLongerWorks() {
		signIn();
		page.setViewportSize(390, 844);
		page.navigate("/p/SHOP/roadmap");
		org.assertj.core.api.Assertions.assertThat(dev.priora.support.Fits.pastTheRightEdge(page))
			.as("roadmap at 390 px")
			.isEmpty();
		screenshot("roadmap-phone");
		page.setViewportSize(1280, 800);
		page.evaluate("document.getElementById('objective-form').noValidate = true");
		page.locator("#objective-form textarea[name=keyResults]").fill("Gift card sales 5 % of revenue");
		page.locator("#objective-form button").click();
		// refused in the form at the foot of the page, by the field's label, what was
		// typed kept
		assertThat(page.locator("#objective-form .error-summary")).containsText("Objective: is required");
		assertThat(page.locator("#objective-form .error-summary")).isInViewport();
		assertThat(page.locator("#objective-form textarea[name=keyResults]"))
			.hasValue("Gift card sales 5 % of revenue");
		page.locator("#share-form button").click();
		String link = page.locator("#new-roadmap-link code").textContent().strip();

		var stakeholder = newContext();
		Page visitor = stakeholder.newPage();
		visitor.setViewportSize(390, 844);
		visitor.navigate(link);
		assertThat(visitor.locator("#timeline")).isVisible();
		org.assertj.core.api.Assertions.assertThat(dev.priora.support.Fits.pastTheRightEdge(visitor))
			.as("shared roadmap at 390 px")
			.isEmpty();
		visitor.screenshot(new Page.ScreenshotOptions().setFullPage(true)
			.setPath(java.nio.file.Path.of("target/screenshots/roadmap-shared-phone.png")));
		page.locator("#roadmap-links button.danger").first().click();
		page.locator("#confirm-ok").click();
		assertThat(page.locator(".toast")).containsText("“Unnamed link” revoked.");
		var closed = visitor.navigate(link);
		org.assertj.core.api.Assertions.assertThat(closed.status()).isEqualTo(404);
		assertThat(visitor.locator("h1")).hasText("This roadmap link no longer works");
		assertThat(visitor.locator("main")).not().containsText("Sign in");
		assertThat(visitor.locator("main")).not().containsText("role");
		visitor.screenshot(new Page.ScreenshotOptions().setFullPage(true)
			.setPath(java.nio.file.Path.of("target/screenshots/roadmap-shared-revoked-phone.png")));
		stakeholder.close();
	}

	@Test
	void alignsAnItemWithObjectivesOnItsPageAndTheChoiceSurvivesAReload() {
		ApiClient api = api();
		TestProduct product = aProduct("RDO").named("Objective picker").createdBy(api);
		anObjective("Conversion").in(product);
		anObjective("Retention").in(product);
		anObjective("Reach").in(product);
		aStory("Gift cards").in(product);
		signIn();
		page.navigate("/p/RDO/items/RDO-1");
		var objectives = page.locator("#item-objectives");
		assertThat(objectives).containsText("Serves no objective yet.");
		objectives.getByLabel("Conversion").check();
		objectives.getByLabel("Reach").check();
		objectives.locator("button[type=submit]").click();
		assertThat(page.locator(".toast")).containsText("RDO-1 is aligned with Conversion, Reach.");
		page.reload();
		assertThat(page.locator("#item-objectives").getByLabel("Conversion")).isChecked();
		assertThat(page.locator("#item-objectives").getByLabel("Retention")).not().isChecked();
		assertThat(page.locator("#item-objectives").getByLabel("Reach")).isChecked();
		java.util.List<String> aligned = new java.util.ArrayList<>();
		api.get("/api/v1/products/RDO/objectives").json().forEach(o -> {
			if (o.get("items").toString().contains("RDO-1")) {
				aligned.add(o.get("title").asText());
			}
		});
		org.assertj.core.api.Assertions.assertThat(aligned).containsExactly("Conversion", "Reach");
	}

	@Autowired
	AccountService accounts;

	@Autowired
	ProductRoles roles;

	@Test
	void aRoadmapCommentMentionsAMemberPickedFromTheAutocomplete() {
		ApiClient api = api();
		aProduct("RBM").named("Roadmap mentions").createdBy(api);
		accounts.createUser("bob@rdm.test", "Bob Baker", "password-bob-1", false);
		roles.grant("RBM", "bob@rdm.test", ProductRole.VIEWER, accounts.findByEmail(ADMIN_EMAIL).orElseThrow().id());
		signIn();
		page.navigate("/p/RBM/roadmap");
		// the comment form's two labels start on one line
		double on = page.locator("#comment-form label:has(input[name=entry])").boundingBox().y;
		double comment = page.locator("#comment-form label:has(textarea)").boundingBox().y;
		org.assertj.core.api.Assertions.assertThat(Math.abs(on - comment))
			.as("'On' and 'Comment' at one height")
			.isLessThan(2.0);
		var box = page.locator("#comment-form textarea[name=body]");
		box.click();
		box.pressSequentially("Is this right, @Bo");
		assertThat(page.locator("#mention-list [role=option]")).hasCount(1);
		assertThat(page.locator("#mention-list [role=option]").first()).containsText("Bob Baker");
		box.press("Enter");
		box.pressSequentially("?");
		assertThat(box).hasValue("Is this right, @Bob Baker ?");
		page.locator("#comment-form button[type=submit]").click();
		assertThat(page.locator("#comment-list")).containsText("Is this right, @Bob Baker ?");
		var told = ApiClient.signIn(port, "bob@rdm.test", "password-bob-1").get("/api/v1/notifications").json();
		org.assertj.core.api.Assertions.assertThat(told.get("items").get(0).get("message").asText())
			.contains("mentioned you in a roadmap comment");
	}

}
