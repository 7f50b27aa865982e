package dev.priora.progress.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.priora.support.Fixtures.aProduct;
import static dev.priora.support.Fixtures.aRelease;
import static dev.priora.support.Fixtures.aSprint;
import static dev.priora.support.Fixtures.aStory;
import static dev.priora.support.Fixtures.aTeamMember;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import dev.priora.support.ApiClient;
import dev.priora.support.BrowserTestBase;
import dev.priora.support.TestProduct;

/**
 * The team page: it opens on the sprint under way and its release, and a member is edited
 * and removed in the browser.
 */
class TeamBrowserTest extends BrowserTestBase {

	/**
	 * Product {@code key}: releases First (an old sprint) and Second (the sprint under
	 * way and the next one); the running sprint holds item 1 (3 points), assigned to Bob;
	 * members Ann (10, search) and Bob (8).
	 */
	private TestProduct aTeam(String key) {
		ApiClient api = api();
		TestProduct product = aProduct(key).named("Team browser").createdBy(api);
		LocalDate today = LocalDate.now();
		long first = aRelease("First").capacity(40).in(product);
		long second = aRelease("Second").capacity(40).in(product);
		aSprint("Old sprint").starting(today.minusDays(30)).capacity(10).forRelease(first).in(product);
		long now = aSprint("Sprint now").starting(today.minusDays(3)).capacity(10).forRelease(second).in(product);
		aSprint("Next sprint").starting(today.plusDays(11)).capacity(10).forRelease(second).in(product);
		aStory("Story").estimate(3).ready().in(product);
		product.plan(product.item(1), second, now);
		org.assertj.core.api.Assertions
			.assertThat(api.post(product.base() + "/sprints/" + now + "/start", "{\"force\":true}").status())
			.isEqualTo(200);
		aTeamMember("Ann").capacity(10).skills("search").in(product);
		long bob = aTeamMember("Bob").capacity(8).in(product);
		product.assign(product.item(1), bob);
		return product;
	}

	/** Opens member {@code name}'s edit dialog on the team page. */
	private com.microsoft.playwright.Locator edit(String name) {
		page.locator("#members tr[data-member='" + name + "'] button",
				new com.microsoft.playwright.Page.LocatorOptions().setHasText("Edit"))
			.click();
		return page.locator("dialog[open]");
	}

	private static void save(com.microsoft.playwright.Locator dialog) {
		dialog
			.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
					new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Save"))
			.click();
	}

	@Test
	void opensOnTheSprintUnderWayAndItsReleaseWithEachMembersWorkload() {
		aTeam("TMB");
		signIn();
		page.navigate("/p/TMB/team");
		assertThat(page.locator("#sprint-choice select option:checked")).hasText("Sprint now");
		assertThat(page.locator("#release-choice select option:checked")).hasText("Second");
		assertThat(page.locator("#workload tr[data-member=Bob] td").nth(3)).hasText("3");
	}

	@Test
	void editsAMemberInTheDialogAndTheBrowserRefusesANegativeCapacity() {
		TestProduct product = aTeam("TMC");
		signIn();
		page.navigate("/p/TMC/team");
		var dialog = edit("Ann");
		dialog.getByLabel("Capacity per sprint").fill("-1");
		save(dialog);
		// the browser refuses a negative capacity itself; the server would too
		assertThat(page.locator("dialog[open]")).hasCount(1);
		dialog.getByLabel("Capacity per sprint").fill("12.5");
		dialog.getByLabel("Skills").fill("search, payments");
		dialog.getByLabel("Name").fill("Ann Lee");
		save(dialog);
		assertThat(page.locator(".toast")).containsText("Ann Lee saved.");
		page.reload();
		var ann = page.locator("#members tr[data-member='Ann Lee']");
		assertThat(ann.locator("td").nth(2)).hasText("12.5");
		assertThat(ann.locator(".label")).hasText(new String[] { "search", "payments" });
		org.assertj.core.api.Assertions.assertThat(product.api().get(product.base() + "/team").text())
			.as("stored")
			.contains("\"Ann Lee\"")
			.contains("payments");
	}

	@Test
	void aNameClashIsShownInTheDialogWhichStaysOpen() {
		TestProduct product = aTeam("TMD");
		signIn();
		page.navigate("/p/TMD/team");
		var dialog = edit("Ann");
		dialog.getByLabel("Name").fill("Bob");
		save(dialog);
		assertThat(page.locator("dialog[open] .error")).containsText("another member is called 'Bob'");
		org.assertj.core.api.Assertions.assertThat(product.api().get(product.base() + "/team").text())
			.as("nothing stored")
			.contains("\"Ann\"");
	}

	@Test
	void removesAMemberAfterAskingAndTheirOpenItemsAreUnassigned() {
		TestProduct product = aTeam("TME");
		signIn();
		page.navigate("/p/TME/team");
		page.locator("#members tr[data-member=Bob] button",
				new com.microsoft.playwright.Page.LocatorOptions().setHasText("Remove"))
			.click();
		assertThat(page.locator("#confirm-message")).containsText("Remove Bob from the team?");
		page.locator("#confirm-ok").click();
		assertThat(page.locator(".toast")).containsText("Bob is no longer on the team; 1 open item is unassigned.");
		page.reload();
		assertThat(page.locator("#members tr[data-member=Bob]")).hasCount(0);
		assertThat(page.locator("#members tr")).hasCount(2);
		org.assertj.core.api.Assertions.assertThat(product.api().get(product.base() + "/team").json()).hasSize(1);
	}

	@Test
	void aRemoveClickedBeforeThePageHasLoadedWaitsInsteadOfRemovingWithoutAsking() {
		TestProduct product = aTeam("TMG");
		signIn();
		java.util.concurrent.atomic.AtomicReference<com.microsoft.playwright.Route> held = new java.util.concurrent.atomic.AtomicReference<>();
		page.route("**/js/priora.js", held::set);
		page.navigate("/p/TMG/team", new com.microsoft.playwright.Page.NavigateOptions()
			.setWaitUntil(com.microsoft.playwright.options.WaitUntilState.COMMIT));
		page.locator("#members tr[data-member=Bob] button",
				new com.microsoft.playwright.Page.LocatorOptions().setHasText("Remove"))
			.click();
		// held back, the busy bar says the page is still loading; nothing is removed
		assertThat(page.locator("html")).hasClass(java.util.regex.Pattern.compile("page-loading"));
		assertThat(page.locator("#members tr[data-member=Bob]")).hasCount(1);
		org.assertj.core.api.Assertions.assertThat(product.api().get(product.base() + "/team").json()).hasSize(2);
		page.unroute("**/js/priora.js");
		held.get().resume();
		page.waitForLoadState();
		assertThat(page.locator("html")).not().hasClass(java.util.regex.Pattern.compile("page-loading"));
		page.locator("#members tr[data-member=Bob] button",
				new com.microsoft.playwright.Page.LocatorOptions().setHasText("Remove"))
			.click();
		assertThat(page.locator("#confirm-message")).containsText("Remove Bob from the team?");
	}

	@Test
	void tooManyDaysOffAreRefusedInTheMembersRowWithWhatWasTyped() {
		aTeam("TMO");
		signIn();
		page.navigate("/p/TMO/team");
		var bob = page.locator("#workload tr[data-member=Bob]");
		bob.locator("input[name=days]").fill("99");
		bob.locator("button").click();
		// before: 'days: must be from 0 to the sprint's 14 days' at the top of the page
		assertThat(bob.locator(".field-error")).hasText("Days off must be from 0 to the sprint's 14 days");
		assertThat(bob.locator("input[name=days]")).hasValue("99");
		assertThat(page.locator("main > p.error")).hasCount(0);
		page.reload();
		assertThat(page.locator("#workload .field-error")).hasCount(0);
		assertThat(page.locator("#workload tr[data-member=Bob] input[name=days]")).hasValue("0");
	}

	@Test
	void aMembersActionsSpanTheWholeRowWhenTheirSkillsWrap() {
		TestProduct product = aTeam("TMW");
		aTeamMember("Lena").capacity(6)
			.skills("payments-and-billing", "regulatory-compliance", "customer-accounts", "merchant-onboarding",
					"checkout-performance")
			.in(product);
		signIn();
		page.setViewportSize(1024, 800);
		page.navigate("/p/TMW/team");
		var row = page.locator("#members tr[data-member=Lena]");
		double rowHeight = row.boundingBox().height;
		org.assertj.core.api.Assertions.assertThat(rowHeight)
			.as("the skills wrap onto a second line")
			.isGreaterThan(50);
		// before: the actions cell was a flex box, not a cell, and stopped short of the
		// row's bottom with a border of its own across the row
		org.assertj.core.api.Assertions.assertThat(row.locator("td.actions-cell").boundingBox().height)
			.isCloseTo(rowHeight, org.assertj.core.data.Offset.offset(1.5));
	}

}
