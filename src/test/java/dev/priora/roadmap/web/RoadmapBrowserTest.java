package dev.priora.roadmap.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;

import dev.priora.support.ApiClient;
import dev.priora.support.BrowserTestBase;

/**
 * The product owner sets a goal and an objective and shares the roadmap; a stakeholder
 * opens the link.
 */
class RoadmapBrowserTest extends BrowserTestBase {

	@Test
	void setsTheGoalAddsAnObjectiveAndSharesTheRoadmapReadOnly() {
		ApiClient api = api();
		api.post("/api/v1/products", "{\"key\":\"RDB\",\"name\":\"Shared roadmap\"}");
		long release = api.post("/api/v1/products/RDB/releases", "{\"name\":\"Spring\",\"capacity\":10}")
			.json()
			.get("id")
			.asLong();
		api.post("/api/v1/products/RDB/items", "{\"type\":\"STORY\",\"title\":\"Gift cards\",\"estimate\":3}");
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
		assertThat(page.locator("h1")).hasText("Not found");
		page.navigate("/p/RDB/roadmap");
		page.locator("#align-form input[name=item]").fill("1");
		page.locator("#align-form select[name=objective]").selectOption(new String[] { "Holiday revenue" });
		page.locator("#align-form button").click();
		assertThat(page.locator(".toast")).containsText("RDB-1 is aligned with Holiday revenue.");
		page.reload();
		assertThat(page.locator("#alignment tbody tr").first()).containsText("100 %");
		assertThat(page.locator("#unaligned")).hasCount(0);
		page.locator("#share-form input[name=days]").fill("30");
		page.locator("#share-form button").click();
		String link = page.locator("#new-roadmap-link code").textContent().strip();

		var stakeholder = newContext();
		Page visitor = stakeholder.newPage();
		visitor.navigate(link);
		assertThat(visitor.locator("h1")).hasText("Shared roadmap roadmap");
		assertThat(visitor.locator("#product-goal")).containsText("Sell more in the holidays");
		assertThat(visitor.locator("#now-next-later")).containsText("Gift cards");
		assertThat(visitor.locator("#goal-form")).hasCount(0);
		stakeholder.close();
	}

}
