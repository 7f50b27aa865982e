package dev.priora.progress.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import dev.priora.support.ApiClient;
import dev.priora.support.BrowserTestBase;

/**
 * Running sprints in the browser, the burndown, and a forecast whose flag changes when
 * scope grows.
 */
class ProgressBrowserTest extends BrowserTestBase {

	@Test
	void runsSprintsSeesTheBurndownAndTheForecastFlagChangeWhenScopeGrows() {
		ApiClient api = api();
		String base = "/api/v1/products/PGB";
		api.post("/api/v1/products", "{\"key\":\"PGB\",\"name\":\"Progress browser\"}");
		LocalDate today = LocalDate.now();
		long release = api
			.post(base + "/releases",
					"{\"name\":\"Launch\",\"capacity\":40,\"targetDate\":\"" + today.plusDays(45) + "\"}")
			.json()
			.get("id")
			.asLong();
		long[] sprints = new long[3];
		for (int s = 0; s < 3; s++) {
			sprints[s] = ProgressApiIntegrationTest.sprint(api, base, "Sprint " + (s + 1),
					today.minusDays(42 - 14L * s), release);
		}
		for (int i = 1; i <= 8; i++) {
			ProgressApiIntegrationTest.readyItem(api, base, "Story " + i, 5);
			api.put(base + "/items/PGB-" + i + "/release",
					"{\"releaseId\":" + release + (i <= 6 ? ",\"sprintId\":" + sprints[(i - 1) / 2] : "") + "}", null);
		}
		signIn();
		for (int s = 0; s < 3; s++) {
			page.navigate("/p/PGB/sprints/" + sprints[s]);
			page.locator("#start-sprint button").click();
			assertThat(page.locator("#sprint-state")).hasText("active");
			ProgressApiIntegrationTest.finish(api, base, "PGB-" + (2 * s + 1));
			ProgressApiIntegrationTest.finish(api, base, "PGB-" + (2 * s + 2));
			page.navigate("/p/PGB/sprints/" + sprints[s]);
			assertThat(page.locator("#burndown polyline.burn")).hasCount(1);
			assertThat(page.locator("#burndown polyline.scope-line")).hasCount(1);
			if (s == 0) {
				var good = page.locator(".review-item[data-key=PGB-1]");
				good.locator("input[name=criteria]").check();
				good.locator("button[value=accept]").click();
				assertThat(page.locator(".review-item[data-key=PGB-1] .verdict")).hasText("accepted");
			}
			page.locator("#close-sprint-open").click();
			page.locator("#close-sprint button.primary").click();
			assertThat(page.locator("#sprint-state")).hasText("closed");
		}
		page.navigate("/p/PGB/releases/" + release + "/progress");
		assertThat(page.locator("#remaining")).hasText("10 points");
		assertThat(page.locator("#forecast-flag")).hasText("on track");
		assertThat(page.locator("#velocity rect.vbar")).hasCount(3);
		assertThat(page.locator("#burnup")).hasAttribute("aria-label", "Burnup: 30 of 40 points done");
		for (int i = 0; i < 20; i++) {
			ProgressApiIntegrationTest.readyItem(api, base, "Later " + i, 5);
			api.put(base + "/items/PGB-" + (9 + i) + "/release", "{\"releaseId\":" + release + "}", null);
		}
		page.reload();
		assertThat(page.locator("#forecast-flag")).hasText("off track");
		page.navigate("/p/PGB/charts");
		assertThat(page.locator("#velocity-chart rect.vbar")).hasCount(3);
		assertThat(page.locator("#flow-chart polygon.band")).hasCount(4);
		assertThat(page.locator("#cycle-chart circle.dot")).hasCount(6);
		page.navigate("/p/PGB/releases/" + release + "/progress");
		page.locator("#decision-form input[name=note]").fill("Cut the later stories");
		page.locator("#decision-form select").selectOption("GO_BACK");
		page.locator("#decision-form button").click();
		assertThat(page.locator("#decisions")).containsText("Cut the later stories");
	}

}
