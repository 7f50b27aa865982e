package dev.priora.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.priora.support.Fixtures.aProduct;
import static dev.priora.support.Fixtures.aRelease;
import static dev.priora.support.Fixtures.aStory;
import static dev.priora.support.Fixtures.aTeamMember;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.priora.support.ApiClient;
import dev.priora.support.BrowserTestBase;
import dev.priora.support.Eventually;
import dev.priora.support.TestProduct;
import tools.jackson.databind.JsonNode;

/**
 * Refusals of plain form posts in Chromium, answered by the page error advice: the
 * browser lands on the page the form came from (not on the address it posted to), with
 * the reason in the page's error area; a reload shows the page without it.
 */
class PageErrorsBrowserTest extends BrowserTestBase {

	@Test
	void aRefusedTeamOrRoadmapFormShowsItsReasonOnItsPage() {
		ApiClient api = api();
		TestProduct product = aProduct("PEB").named("Page errors").createdBy(api);
		aTeamMember("Ann").capacity(10).in(product);
		signIn();

		page.navigate("/p/PEB/team");
		page.locator("#page-action").click();
		page.locator("#member-form input[name=name]").fill("Ann");
		page.locator("#member-form button[type=submit]").click();
		assertThat(page.locator("main > p.error")).containsText("another member is called");
		assertThat(page).hasURL(Pattern.compile(".*/p/PEB/team$"));
		page.reload();
		assertThat(page.locator("main > p.error")).hasCount(0);

		page.navigate("/p/PEB/roadmap");
		page.locator("#comment-form textarea[name=body]").fill("   ");
		page.locator("#comment-form button[type=submit]").click();
		assertThat(page.locator("main > p.error")).containsText("body: is required");
		assertThat(page).hasURL(Pattern.compile(".*/p/PEB/roadmap$"));
	}

	@Test
	void aRefusedPlanActionShowsItsReasonOnThePlanPage() throws InterruptedException {
		ApiClient api = api();
		TestProduct product = aProduct("PEP").named("Plan errors").createdBy(api);
		String base = product.base();
		aStory("Quick win").estimate(3).in(product);
		aRelease("R1").capacity(8).in(product);
		long plan = api.post(base + "/plans", "{\"name\":\"Best\",\"timeLimitSeconds\":5}").json().get("id").asLong();
		org.assertj.core.api.Assertions.assertThat(await(api, base, plan)).isEqualTo("DONE");
		int applied = api.post(base + "/plans/" + plan + "/apply", null).status();
		org.assertj.core.api.Assertions.assertThat(applied).isEqualTo(200);
		signIn();
		page.navigate("/p/PEP/plans/" + plan);
		assertThat(page.locator("#undo-plan")).isVisible();

		// undone meanwhile elsewhere: the Undo on this page is refused
		api.post(base + "/plans/" + plan + "/undo", null);
		page.locator("#undo-plan").click();

		assertThat(page.locator("#plan-error")).containsText("not applied");
		assertThat(page).hasURL(Pattern.compile(".*/p/PEP/plans/" + plan + "$"));
	}

	private static String await(ApiClient api, String base, long plan) {
		return Eventually.ended(api, base + "/plans/" + plan).get("state").asText();
	}

}
