package dev.priora.portal;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.priora.feedback.Importance;
import dev.priora.support.ApiClient;
import dev.priora.support.BrowserTestBase;
import dev.priora.support.TestProduct;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.priora.support.Fixtures.aCustomer;
import static dev.priora.support.Fixtures.aProduct;
import static dev.priora.support.Fixtures.aStory;

/**
 * The team's side of the portal in Chromium, on a server without outgoing mail: the
 * settings page says so and what to set; a refused save names each field by its label
 * under the field; the ideas table shows every moderation button at 1280 and 1920 px; an
 * idea is linked to an item (picked by its title) from its own page, and unlinked.
 */
class PortalTeamBrowserTest extends BrowserTestBase {

	@Autowired
	Portals portals;

	@Autowired
	VisitorSignIn visitors;

	@Autowired
	Ideas ideas;

	@Autowired
	IdeaVotes votes;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void theTeamSeesMailIsOffNamesRefusedFieldsByLabelAndModeratesInAWholeTable() {
		TestProduct p = aProduct("PTB").named("Portal team").createdBy(api());
		seed(p, "Ideas for the team", true);
		signIn();
		page.navigate("/p/PTB/portal");
		assertThat(page.locator("#portal-mail-off")).containsText("Outgoing mail is not set up");
		assertThat(page.locator("#portal-mail-off")).containsText("SPRING_MAIL_HOST");
		assertThat(page.locator("#portal-mail-off")).containsText("PRIORA_BASE_URL");
		assertThat(page.locator("#hint-holdNewIdeas")).containsText("waits for your review");

		page.locator("#field-title").fill(" ");
		page.locator("#access-private").check();
		page.locator("#field-allowedDomains").fill("not a domain!");
		page.locator("#field-categories").fill("x".repeat(70));
		page.locator("#save-portal").click();
		assertThat(page.locator("#settings-errors")).containsText("Title: is one line");
		assertThat(page.locator("#settings-errors")).containsText("Allowed e-mail domains:");
		assertThat(page.locator("#settings-errors")).containsText("Idea categories:");
		assertThat(page.locator("#settings-errors")).not().containsText("allowedDomains");
		assertThat(page.locator("#field-allowedDomains-error")).isVisible();
		assertThat(page.locator("#field-title-error")).containsText("is one line");
		assertThat(page.locator("#field-categories-error")).isVisible();
		assertThat(page.locator("#field-allowedDomains")).hasValue("not a domain!");
		assertThat(page.locator("#field-holdNewIdeas")).isChecked();
		screenshot("portal-team-settings-errors-1280");

		for (int width : new int[] { 1280, 1920 }) {
			page.setViewportSize(width, 900);
			page.navigate("/p/PTB/portal#ideas");
			assertThat(page.locator("#team-ideas tbody tr")).hasCount(3);
			screenshot("portal-team-ideas-" + width);
			Object cut = page.evaluate(
					"""
							() => { const w = document.querySelector('#ideas .table-wrap').getBoundingClientRect();
							  return Array.from(document.querySelectorAll('#team-ideas button, #team-ideas select, #team-ideas input:not([type=hidden])'))
							    .filter(b => { const r = b.getBoundingClientRect(); return r.right > w.right + 1 || r.left < w.left - 1; })
							    .map(b => b.textContent.trim() || b.name); }""");
			org.assertj.core.api.Assertions.assertThat((List<?>) cut).as("controls cut off at %d px", width).isEmpty();
			org.assertj.core.api.Assertions
				.assertThat(dev.priora.support.Fits.cutSelects(page, "#team-ideas .status-form select"))
				.as("status choices cut at %d px", width)
				.isEmpty();
			Object overflow = page.evaluate(
					"() => { const w = document.querySelector('#ideas .table-wrap'); return w.scrollWidth - w.clientWidth; }");
			org.assertj.core.api.Assertions.assertThat(((Number) overflow).intValue())
				.as("the ideas table scrolls sideways at %d px", width)
				.isLessThanOrEqualTo(1);
		}
		page.setViewportSize(1280, 800);
	}

	/**
	 * Declining without a reason: refused in the idea's own row, in view, the choice
	 * kept; with a reason it is declined, and the toast names the idea.
	 */
	@Test
	void decliningWithoutAReasonIsRefusedInTheIdeasOwnRow() {
		TestProduct p = aProduct("PTD").named("Portal decline").createdBy(api());
		seed(p, "Ideas to decline", true);
		signIn();
		page.navigate("/p/PTD/portal#ideas");
		var form = page.locator("#team-ideas .status-form").last();
		form.locator("select[name=status]").selectOption("DECLINED");
		form.locator("button").click();
		var refused = page.locator("#team-ideas .status-form .field-error");
		assertThat(refused).containsText("Keeps its status");
		assertThat(refused).isInViewport();
		var row = page.locator("#team-ideas tbody tr:has(.status-form .field-error)");
		assertThat(row.locator("select[name=status]")).hasValue("DECLINED");
		assertThat(row.locator("input[name=reason]")).hasAttribute("aria-invalid", "true");
		screenshot("portal-team-decline-refused-1280");
		String title = row.locator(".title-cell a").textContent().strip();
		row.locator("input[name=reason]").fill("Out of scope for this year.");
		row.locator(".status-form button").click();
		assertThat(page.locator(".toast")).containsText("“" + title + "” is now declined.");
		assertThat(page.locator("#team-ideas .field-error")).hasCount(0);
	}

	@Test
	void anIdeaIsLinkedToAnItemFromItsPageAndUnlinked() {
		TestProduct p = aProduct("PTL").named("Portal links").createdBy(api());
		aCustomer("Acme").revenue(50000).currency("EUR").contact("Ann", "ann@acme-ptl.test").in(p);
		String item = aStory("Export orders to Excel").estimate(3).in(p);
		aStory("Export invoices to Excel").estimate(2).in(p);
		long idea = seed(p, "Ideas to link", false);
		signIn();
		page.navigate("/p/PTL/portal/ideas/" + idea);
		assertThat(page.locator("#no-idea-links")).isVisible();
		page.locator("#field-link-item").fill("Export");
		page.locator("#link-idea").click();
		assertThat(page.locator("#field-link-item-error")).containsText("pick one from the list");
		assertThat(page.locator("#idea-link-error-summary")).containsText("Item:");
		assertThat(page.locator("#field-link-item")).hasValue("Export");
		page.locator("#field-link-item").fill("export orders to excel");
		page.locator("#field-link-importance").selectOption("CRITICAL");
		page.locator("#link-idea").click();
		assertThat(page.locator(".toast")).containsText("linked to " + item);
		page.reload();
		assertThat(page.locator("#team-idea-links")).containsText(item);
		assertThat(page.locator("#team-idea-links")).containsText("critical");
		assertThat(page.locator("#team-idea-status")).hasText("Planned");
		screenshot("portal-team-idea-linked-1280");
		page.navigate("/p/PTL/items/" + item);
		assertThat(page.locator("#demand")).containsText("50,000");

		page.navigate("/p/PTL/portal/ideas/" + idea);
		page.locator("#unlink-" + item).click();
		page.locator("#confirm-ok").click();
		assertThat(page.locator(".toast")).containsText("no longer linked to " + item);
		page.reload();
		assertThat(page.locator("#no-idea-links")).isVisible();
		assertThat(page.locator("#team-idea-status")).hasText("Under review");
	}

	@Test
	void theDemoProductsPortalIsAliveForANewcomer() {
		signIn();
		page.navigate("/p/SHOP/portal");
		assertThat(page.locator("#team-ideas")).containsText("Let shoppers start a return themselves");
		screenshot("demo-portal-team-1280");
		page.locator("#team-ideas a", new com.microsoft.playwright.Page.LocatorOptions().setHasText("start a return"))
			.click();
		assertThat(page.locator("#team-idea-links")).containsText("Self-service returns portal");
		assertThat(page.locator("#team-replies")).containsText("planned for the next release");
		screenshot("demo-portal-team-idea-1280");
		page.navigate("/portal/SHOP");
		assertThat(page.locator("main")).containsText("Click and collect in our own stores");
		screenshot("demo-portal-1280");
		page.setViewportSize(390, 844);
		screenshot("demo-portal-phone");
		page.setViewportSize(1280, 800);
	}

	/**
	 * Turns the portal on and has three visitors post ideas (one of them from a
	 * customer), the others voting for the first; answers the first idea's id.
	 */
	private long seed(TestProduct p, String title, boolean hold) {
		var current = api().get(p.path("/portal"));
		api().put(p.path("/portal"), ApiClient.json(Map.of("enabled", true, "title", title, "colour", "#0f766e",
				"holdNewIdeas", hold, "categories", List.of("Reports"))), current.etag());
		PortalSettings portal = portals.get(p.key());
		String domain = "@" + p.key().toLowerCase() + ".test";
		var ann = visitor(p.key(), p.key().equals("PTL") ? "ann@acme-ptl.test" : "ann" + domain);
		var bob = visitor(p.key(), "bob" + domain);
		var cid = visitor(p.key(), "cid" + domain);
		long first = ideas.post(portal, bob, "Spreadsheet export of all orders with a rather long title to wrap",
				"As a file.", "Reports", "", "1.1.1.1");
		ideas.post(portal, ann, "Dark mode", "Evenings.", "", "", "1.1.1.2");
		ideas.post(portal, cid, "Bulk edit of prices", "Many at once.", "", "", "1.1.1.3");
		if (!hold) {
			votes.vote(portal, ann, first, Importance.IMPORTANT);
		}
		return first;
	}

	private PortalVisitor visitor(String key, String email) {
		return new TransactionTemplate(transactions).execute(tx -> visitors.enter(key, email));
	}

}
