package dev.priora.progress.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.priora.support.ApiClient;
import dev.priora.support.BrowserTestBase;

/** Assignees on the item page, the backlog's "mine" filter, and the My work page. */
class AssigneeBrowserTest extends BrowserTestBase {

	@Test
	void anAssigneeChosenOnTheItemPageIsKeptAfterReload() {
		ApiClient api = api();
		BoardFixture.create(api, "ASI");
		signIn();
		page.navigate("/p/ASI/items/ASI-4");
		assertThat(page.locator("#assignee-now")).containsText("Nobody yet");
		page.locator("#assignee-select").selectOption("Bo Builder");
		assertThat(page.locator("#toasts .toast")).containsText("ASI-4 is assigned to Bo Builder.");
		page.reload();
		assertThat(page.locator("#assignee-now")).containsText("Bo Builder");
		assertThat(page.locator("#assignee-select option:checked")).hasText("Bo Builder");
		page.locator("#assignee-select").selectOption("");
		assertThat(page.locator("#toasts .toast").last()).containsText("ASI-4 is unassigned.");
		page.reload();
		assertThat(page.locator("#assignee-now")).containsText("Nobody yet");
	}

	@Test
	void theBacklogShowsAssigneesAndFiltersToMine() {
		ApiClient api = api();
		BoardFixture.create(api, "ASB");
		signIn();
		page.navigate("/p/ASB/backlog");
		assertThat(page.locator("#backlog-rows li[data-key=ASB-2] .cell-assignee")).containsText("Bo Builder");
		page.locator("#assignee-filter").selectOption("me");
		assertThat(page.locator("#backlog-rows > li.row")).hasCount(2);
		assertThat(page.locator("#backlog-rows > li.row").first()).hasAttribute("data-key", "ASB-1");
		assertThat(page).hasURL(java.util.regex.Pattern.compile("assignee=me"));
		page.reload();
		assertThat(page.locator("#backlog-rows > li.row")).hasCount(2);
		page.locator("#assignee-filter").selectOption("Bo Builder");
		assertThat(page.locator("#backlog-rows > li.row")).hasCount(1);
	}

	@Test
	void myWorkListsTheItemsAssignedToMeByProductWithStatusAndSprint() {
		ApiClient api = api();
		BoardFixture.create(api, "AMW");
		BoardFixture.create(api, "AMX").product().finish("AMX-3");
		signIn();
		page.locator("#nav-my-work").click();
		assertThat(page).hasURL(java.util.regex.Pattern.compile("/my-work$"));
		assertThat(page.locator("#nav-my-work")).hasAttribute("aria-current", "page");
		var amw = page.locator(".my-work-group[data-product=AMW]");
		assertThat(amw.locator("tbody tr")).hasCount(2);
		assertThat(amw.locator("tr[data-key=AMW-1]")).containsText("Sprint 1");
		assertThat(amw.locator("tr[data-key=AMW-1]")).containsText("New");
		assertThat(page.locator(".my-work-group[data-product=AMX] tr[data-key=AMX-3]")).containsText("Done");
		page.locator(".my-work-group[data-product=AMW] a",
				new com.microsoft.playwright.Page.LocatorOptions().setHasText("My cards on the board"))
			.click();
		assertThat(page.locator("#sprint-board .board-card")).hasCount(2);
	}

}
