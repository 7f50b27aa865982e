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

	@Test
	void opensOnTheActiveSprintAndEditsAndRemovesMembers() {
		ApiClient api = api();
		TestProduct product = aProduct("TMB").named("Team browser").createdBy(api);
		String base = product.base();
		LocalDate today = LocalDate.now();
		long first = aRelease("First").capacity(40).in(product);
		long second = aRelease("Second").capacity(40).in(product);
		aSprint("Old sprint").starting(today.minusDays(30)).capacity(10).forRelease(first).in(product);
		long now = aSprint("Sprint now").starting(today.minusDays(3)).capacity(10).forRelease(second).in(product);
		aSprint("Next sprint").starting(today.plusDays(11)).capacity(10).forRelease(second).in(product);
		aStory("Story").estimate(3).ready().in(product);
		product.plan("TMB-1", second, now);
		org.assertj.core.api.Assertions
			.assertThat(api.post(base + "/sprints/" + now + "/start", "{\"force\":true}").status())
			.isEqualTo(200);
		aTeamMember("Ann").capacity(10).skills("search").in(product);
		long bob = aTeamMember("Bob").capacity(8).in(product);
		api.put(base + "/items/TMB-1/assignee", "{\"memberId\":" + bob + "}", null);

		signIn();
		page.navigate("/p/TMB/team");
		assertThat(page.locator("#sprint-choice select option:checked")).hasText("Sprint now");
		assertThat(page.locator("#release-choice select option:checked")).hasText("Second");
		assertThat(page.locator("#workload tr[data-member=Bob] td").nth(3)).hasText("3");

		page.locator("#members tr[data-member=Ann] button",
				new com.microsoft.playwright.Page.LocatorOptions().setHasText("Edit"))
			.click();
		var dialog = page.locator("dialog[open]");
		dialog.getByLabel("Capacity per sprint").fill("-1");
		dialog
			.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
					new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Save"))
			.click();
		// the browser refuses a negative capacity itself; the server would too
		assertThat(page.locator("dialog[open]")).hasCount(1);
		dialog.getByLabel("Capacity per sprint").fill("12.5");
		dialog.getByLabel("Skills").fill("search, payments");
		dialog.getByLabel("Name").fill("Ann Lee");
		dialog
			.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
					new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Save"))
			.click();
		assertThat(page.locator(".toast")).containsText("Ann Lee saved.");
		page.reload();
		var ann = page.locator("#members tr[data-member='Ann Lee']");
		assertThat(ann.locator("td").nth(2)).hasText("12.5");
		assertThat(ann.locator(".label")).hasText(new String[] { "search", "payments" });

		// a clash of names is shown in the dialog, which stays open with the error
		ann.locator("button", new com.microsoft.playwright.Locator.LocatorOptions().setHasText("Edit")).click();
		page.locator("dialog[open]").getByLabel("Name").fill("Bob");
		page.locator("dialog[open]")
			.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
					new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Save"))
			.click();
		assertThat(page.locator("dialog[open] .error")).containsText("another member is called 'Bob'");
		page.keyboard().press("Escape");

		page.navigate("/p/TMB/team");
		page.locator("#members tr[data-member=Bob] button",
				new com.microsoft.playwright.Page.LocatorOptions().setHasText("Remove"))
			.click();
		assertThat(page.locator("#confirm-message")).containsText("Remove Bob from the team?");
		page.locator("#confirm-ok").click();
		assertThat(page.locator(".toast")).containsText("Bob is no longer on the team; 1 open item is unassigned.");
		page.reload();
		assertThat(page.locator("#members tr[data-member=Bob]")).hasCount(0);
		assertThat(page.locator("#members tr")).hasCount(2);
		org.assertj.core.api.Assertions.assertThat(api.get(base + "/team").json()).hasSize(1);
	}

}
