package dev.priora.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.priora.support.ApiClient;
import dev.priora.support.BrowserTestBase;
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
		api.post("/api/v1/products", "{\"key\":\"PEB\",\"name\":\"Page errors\"}");
		api.post("/api/v1/products/PEB/team", "{\"name\":\"Ann\",\"capacity\":10}");
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
		page.locator("#comment-form input[name=body]").fill("   ");
		page.locator("#comment-form button[type=submit]").click();
		assertThat(page.locator("main > p.error")).containsText("body: is required");
		assertThat(page).hasURL(Pattern.compile(".*/p/PEB/roadmap$"));
	}

	@Test
	void aRefusedPlanActionShowsItsReasonOnThePlanPage() throws InterruptedException {
		ApiClient api = api();
		String base = "/api/v1/products/PEP";
		api.post("/api/v1/products", "{\"key\":\"PEP\",\"name\":\"Plan errors\"}");
		api.post(base + "/items", "{\"type\":\"STORY\",\"title\":\"Quick win\",\"estimate\":3}");
		api.post(base + "/releases", "{\"name\":\"R1\",\"capacity\":8}");
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

	private static String await(ApiClient api, String base, long plan) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		String state;
		do {
			Thread.sleep(100);
			JsonNode p = api.get(base + "/plans/" + plan).json();
			state = p.get("state").asText();
		}
		while (!state.matches("DONE|CANCELLED|FAILED") && Instant.now().isBefore(deadline));
		return state;
	}

}
