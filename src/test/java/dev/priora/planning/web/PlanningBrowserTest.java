package dev.priora.planning.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;

import dev.priora.support.ApiClient;
import dev.priora.support.BrowserTestBase;
import tools.jackson.databind.JsonNode;

/**
 * Release planning in the browser: add a release, plan by hand, let the optimizer plan,
 * read why, apply, undo.
 */
class PlanningBrowserTest extends BrowserTestBase {

	@Test
	void addsAReleaseRunsTheOptimizerReadsTheExplanationAndAppliesThePlan() {
		ApiClient api = api();
		api.post("/api/v1/products", "{\"key\":\"PBP\",\"name\":\"Planned\"}");
		String[][] items = { { "Foundation", "5", "5" }, { "Polish", "8", "40" }, { "Quick win", "3", "30" },
				{ "Big feature", "3", "80" } };
		for (String[] i : items) {
			api.post("/api/v1/products/PBP/items",
					"{\"type\":\"STORY\",\"title\":\"" + i[0] + "\",\"estimate\":" + i[1] + "}");
		}
		api.post("/api/v1/products/PBP/items/PBP-4/dependencies", "{\"kind\":\"DEPENDS_ON\",\"target\":\"PBP-1\"}");
		long model = 0;
		for (JsonNode m : api.get("/api/v1/products/PBP/scoring-models").json()) {
			if ("VALUE_EFFORT".equals(m.get("preset").asText())) {
				model = m.get("id").asLong();
			}
		}
		api.post("/api/v1/products/PBP/scoring-models/" + model + "/activate", null);
		for (int i = 0; i < items.length; i++) {
			api.put("/api/v1/products/PBP/items/PBP-" + (i + 1) + "/scores/" + model,
					"{\"inputs\":{\"value\":\"" + items[i][2] + "\"}}", null);
		}
		signIn();
		page.navigate("/p/PBP/releases");
		page.locator("[data-dialog-open=new-release]").first().click();
		page.locator("#new-release input[name=name]").fill("Spring");
		page.locator("#new-release input[name=capacity]").fill("8");
		page.locator("#new-release button[type=submit]").click();
		assertThat(page.locator(".toast")).containsText("Release Spring added.");
		page.locator("[data-dialog-open=new-release]").first().click();
		page.locator("#new-release input[name=name]").fill("Summer");
		page.locator("#new-release input[name=capacity]").fill("8");
		page.locator("#new-release button[type=submit]").click();
		Locator spring = page.locator("#board .board-column", new com.microsoft.playwright.Page.LocatorOptions()
			.setHas(page.locator("h2", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Spring"))));
		assertThat(spring).containsText("0 / 8");

		// by hand: Polish and Foundation in Spring is over capacity
		page.locator("#board .card[data-key=PBP-2] select[name=release]").selectOption(new String[] { "Spring" });
		assertThat(spring.locator(".card[data-key=PBP-2]")).hasCount(1);
		page.locator("#board .card[data-key=PBP-1] select[name=release]").selectOption(new String[] { "Spring" });
		assertThat(spring).containsText("over capacity");

		page.locator("[data-dialog-open=plan-for-me]").click();
		page.locator("#plan-form input[name=name]").fill("Best value");
		page.locator("#plan-form input[name=timeLimit]").fill("10");
		page.locator("#plan-form button[type=submit]").click();
		assertThat(page.locator("#plan-state")).containsText("Done",
				new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
		assertThat(page.locator("#plan-summary")).containsText("(optimal)");
		assertThat(page.locator("#plan-gain")).containsText("more value than filling releases in backlog order");
		assertThat(page.locator("#plan-excluded tr[data-key=PBP-2]")).containsText("capacity");
		assertThat(page.locator("#plan-items tr[data-key=PBP-4]")).isVisible();
		page.locator("#apply-plan").click();
		assertThat(page.locator(".toast")).containsText("Applied");
		page.navigate("/p/PBP/releases");
		assertThat(page.locator("#board .board-column.over")).hasCount(0);
		assertThat(page.locator("#board .board-column[data-release=''] .card[data-key=PBP-2]")).hasCount(1);
		page.navigate("/p/PBP/plans");
		page.locator("#plans a").first().click();
		page.locator("#undo-plan").click();
		assertThat(page.locator(".toast")).containsText("Undone");

		page.navigate("/p/PBP/releases");
		Locator summer = page.locator("#board .board-column", new com.microsoft.playwright.Page.LocatorOptions()
			.setHas(page.locator("h2", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Summer"))));
		summer.locator(".edit-release summary").click();
		summer.locator(".edit-release input[name=capacity]").fill("20");
		summer.locator(".edit-release button[type=submit]").first().click();
		assertThat(page.locator(".toast")).containsText("Release Summer saved.");
		assertThat(summer.locator(".capacity")).containsText("/ 20");

		// a sprint of Summer: choosing it on a card moves the card into Summer;
		// moving the card to another release takes it out of the sprint
		long summerId = Long.parseLong(summer.getAttribute("data-release"));
		var created = api.post("/api/v1/products/PBP/sprints", "{\"name\":\"Sprint 7\",\"start\":\"2027-03-01\","
				+ "\"end\":\"2027-03-14\",\"capacity\":10,\"releaseId\":" + summerId + "}");
		org.assertj.core.api.Assertions.assertThat(created.status()).as(created.text()).isEqualTo(201);
		page.navigate("/p/PBP/releases");
		page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
		page.locator("#board .card[data-key=PBP-3] select[name=sprint]").selectOption(new String[] { "Sprint 7" });
		assertThat(summer.locator(".card[data-key=PBP-3] select[name=sprint]"))
			.hasValue(java.util.regex.Pattern.compile("\\d+"));
		page.locator("#board .card[data-key=PBP-3] select[name=release]").selectOption(new String[] { "Spring" });
		assertThat(spring.locator(".card[data-key=PBP-3] select[name=sprint]")).hasValue("");
		summer.locator(".edit-release summary").click();
		summer.locator(".edit-release button.danger").click();
		assertThat(page.locator("#confirm-message")).containsText("Delete the release Summer?");
		page.locator("#confirm-ok").click();
		assertThat(page.locator("#board h2", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Summer")))
			.hasCount(0);
	}

}
