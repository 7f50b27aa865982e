package dev.priora.prioritization.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.priora.support.Fixtures.aProduct;
import static dev.priora.support.Fixtures.aStory;
import static dev.priora.support.Fixtures.anEpic;
import static dev.priora.support.Fixtures.anItem;

import org.junit.jupiter.api.Test;

import dev.priora.support.ApiClient;
import dev.priora.support.BrowserTestBase;
import dev.priora.support.TestProduct;
import tools.jackson.databind.JsonNode;

/**
 * Prioritizing in the browser: type scores into the grid, preview and apply the order by
 * score (and undo it), see the critical path and the map, write a scorecard.
 */
class PrioritizationBrowserTest extends BrowserTestBase {

	private long setUp(String key) {
		ApiClient api = api();
		api.post("/api/v1/products", "{\"key\":\"" + key + "\",\"name\":\"Prioritized\"}");
		api.post("/api/v1/products/" + key + "/items", "{\"type\":\"STORY\",\"title\":\"Foundation\",\"estimate\":3}");
		api.post("/api/v1/products/" + key + "/items", "{\"type\":\"STORY\",\"title\":\"Quick fix\",\"estimate\":1}");
		api.post("/api/v1/products/" + key + "/items", "{\"type\":\"STORY\",\"title\":\"Big feature\",\"estimate\":5}");
		api.post("/api/v1/products/" + key + "/items/" + key + "-3/dependencies",
				"{\"kind\":\"DEPENDS_ON\",\"target\":\"" + key + "-1\"}");
		long wsjf = 0;
		for (JsonNode m : api.get("/api/v1/products/" + key + "/scoring-models").json()) {
			if ("WSJF".equals(m.get("preset").asText())) {
				wsjf = m.get("id").asLong();
			}
		}
		api.post("/api/v1/products/" + key + "/scoring-models/" + wsjf + "/activate", null);
		return wsjf;
	}

	private void score(String item, String value, String time, String risk, String size) {
		String[][] inputs = { { "businessValue", value }, { "timeCriticality", time }, { "riskReduction", risk },
				{ "jobSize", size } };
		for (String[] in : inputs) {
			page.locator("#in-" + item + "-" + in[0]).selectOption(in[1]);
			assertThat(page.locator("#in-" + item + "-" + in[0])).hasValue(in[1]);
		}
	}

	@Test
	void typesScoresAppliesTheOrderUndoesItAndSeesTheCriticalPath() {
		setUp("PBR");
		signIn();
		page.navigate("/p/PBR/scoring");
		assertThat(page.locator("#score-PBR-3 .score")).containsText("not scorable");
		score("PBR-3", "20", "20", "1", "2");
		assertThat(page.locator("#score-PBR-3 .score strong")).hasText("20.50");
		score("PBR-2", "5", "5", "1", "3");
		score("PBR-1", "1", "1", "1", "8");
		assertThat(page.locator("#score-PBR-1 .score strong")).hasText("0.38");
		page.locator("#score-PBR-3 summary").click();
		assertThat(page.locator("#score-PBR-3 .breakdown")).containsText("adds to the divisor 2");

		page.navigate("/p/PBR/items/PBR-3");
		assertThat(page.locator("#item-scores tr[data-model=WSJF]")).containsText("20.50");
		assertThat(page.locator("#item-scores tr[data-model=RICE]")).containsText("not scorable");

		page.navigate("/p/PBR/priority-order");
		assertThat(page.locator("#order-preview tbody tr").nth(0)).hasAttribute("data-key", "PBR-2");
		assertThat(page.locator("#order-preview tr[data-key=PBR-3]")).containsText("waits on PBR-1");
		page.locator("#apply-order button").click();
		assertThat(page.locator(".toast")).containsText("2 items moved");
		page.navigate("/p/PBR/backlog");
		assertThat(page.locator("#backlog-rows li.row").first()).hasAttribute("data-key", "PBR-2");
		page.navigate("/p/PBR/priority-order");
		page.locator("#undo-order button").click();
		assertThat(page.locator(".toast")).containsText("Undone");
		page.navigate("/p/PBR/backlog");
		assertThat(page.locator("#backlog-rows li.row").first()).hasAttribute("data-key", "PBR-1");

		page.navigate("/p/PBR/dependencies");
		assertThat(page.locator("#critical-path ol.path li")).hasCount(2);
		assertThat(page.locator("#critical-path")).containsText("8 points");
		assertThat(page.locator("#dependency-graph g.node.critical")).hasCount(2);
		assertThat(page.locator("#dependency-graph path.edge.critical")).hasCount(1);
		page.locator("[data-zoom='1.25']").click();
		assertThat(page.locator("#dependency-graph")).not()
			.hasAttribute("width", page.locator("#dependency-graph").getAttribute("data-width"));

		page.navigate("/p/PBR/priority-map");
		assertThat(page.locator("#priority-map circle.dot")).hasCount(3);
		assertThat(page.locator("#priority-map circle.dot[data-key='PBR-2']")).hasClass("dot quick-win");
		page.locator("#priority-map circle.dot[data-key='PBR-3']").click();
		assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/p/PBR/items/PBR-3$"));
	}

	@Test
	void writesACustomScorecard() {
		setUp("PBS");
		signIn();
		page.navigate("/p/PBS/scoring/models");
		page.locator("#model-form input[name=name]").fill("Retention");
		page.locator("#model-form select[name=formula]").selectOption("SUM");
		var row = page.locator("#criteria tbody tr").nth(0);
		row.locator("input[name=ckey]").fill("churn");
		row.locator("input[name=clabel]").fill("Churn risk");
		row.locator("select[name=cscale]").selectOption("choice");
		row.locator("input[name=coptions]").fill("high=3; low=1");
		var cost = page.locator("#criteria tbody tr").nth(1);
		cost.locator("input[name=ckey]").fill("effort");
		cost.locator("input[name=clabel]").fill("Effort");
		cost.locator("select[name=crole]").selectOption("COST");
		cost.locator("select[name=csource]").selectOption("ESTIMATE");
		page.locator("#model-form button[type=submit]").click();
		assertThat(page.locator(".toast")).containsText("Saved Retention.");
		// the editor shows the saved model again, options as written
		assertThat(page.locator("#criteria tbody tr").nth(0).locator("input[name=coptions]")).hasValue("high=3; low=1");
		page.navigate("/p/PBS/scoring/models");
		var retention = page.locator("#models tr[data-model='Retention']");
		assertThat(retention).containsText("Effort (cost, the item's estimate)");
		retention.locator("a").first().click();
		page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
		var slow = new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(15_000);
		page.locator("#in-PBS-1-churn").selectOption("high");
		assertThat(page.locator("#score-PBS-1 .score strong")).hasText("1.00", slow);
		page.locator("#in-PBS-2-churn").selectOption("high");
		assertThat(page.locator("#score-PBS-2 .score strong")).hasText("3.00", slow);
	}

	@Test
	void scoresItemsNobodyAskedForFromATypedReachOrTheDefaultAndSaysWhich() {
		ApiClient api = api();
		TestProduct product = aProduct("PBD").named("Defaults").createdBy(api);
		anItem("BUG", "Checkout crashes").estimate(2).in(product);
		signIn();
		page.navigate("/p/PBD/scoring");
		assertThat(page.locator("#evidence-rule")).containsText("Reach: customers asking, default 1");
		page.locator("#in-PBD-1-impact").selectOption("massive");
		page.locator("#in-PBD-1-confidence").selectOption("high");
		assertThat(page.locator("#score-PBD-1 .score strong")).hasText("1.50");
		assertThat(page.locator("#in-PBD-1-reach")).hasAttribute("placeholder", "default 1");
		page.locator("#why-PBD-1 summary").click();
		assertThat(page.locator("#why-PBD-1 .breakdown")).containsText("the model's default (no customers asked)");
		page.locator("#in-PBD-1-reach").fill("40");
		page.locator("#in-PBD-1-reach").press("Tab");
		assertThat(page.locator("#score-PBD-1 .score strong")).hasText("60.00");
		page.locator("#why-PBD-1 summary").click();
		assertThat(page.locator("#why-PBD-1 .breakdown")).containsText("typed in (no customers asked)");
		screenshot("scoring-typed-reach");

		// the default is the model's: edit it on the models page
		page.navigate("/p/PBD/scoring/models");
		page.locator("#models tr[data-model=RICE] a",
				new com.microsoft.playwright.Page.LocatorOptions().setHasText("Edit"))
			.click();
		var reach = page.locator("#criteria tbody tr").nth(0);
		assertThat(reach.locator("input[name=cdefault]")).hasValue("1");
		reach.locator("input[name=cdefault]").fill("5");
		page.locator("#model-form button[type=submit]").click();
		assertThat(page.locator(".toast")).containsText("Saved RICE.");
		assertThat(page.locator("#models tr[data-model=RICE]")).containsText("default 5 without evidence");
		screenshot("scoring-models");
	}

	@Test
	void ordersEpicsWithTheirChildrenAndSaysExactlyWhatMoves() {
		ApiClient api = api();
		TestProduct product = aProduct("PBE").named("Epics").createdBy(api);
		String base = "/api/v1/products/PBE";
		anEpic("Search").in(product);
		aStory("Loose end").estimate(1).in(product);
		aStory("Typos").estimate(2).in(product);
		api.patch(base + "/items/PBE-3", "{\"parent\":\"PBE-1\"}", api.get(base + "/items/PBE-3").etag());
		long wsjf = setUpWsjf(api, "PBE");
		for (String[] in : new String[][] { { "PBE-2", "20" }, { "PBE-3", "1" } }) {
			api.put(base + "/items/" + in[0] + "/scores/" + wsjf, "{\"inputs\":{\"businessValue\":\"" + in[1]
					+ "\",\"timeCriticality\":\"1\",\"riskReduction\":\"1\",\"jobSize\":\"1\"}}", null);
		}
		signIn();
		page.navigate("/p/PBE/priority-order");
		assertThat(page.locator("#order-rules")).containsText("an epic goes with its children");
		assertThat(page.locator("#order-preview tbody tr").nth(0)).hasAttribute("data-key", "PBE-2");
		assertThat(page.locator("#order-preview tr[data-key=PBE-1]")).hasAttribute("data-kind", "EPIC");
		assertThat(page.locator("#order-preview tr[data-key=PBE-1]")).containsText("above its children");
		assertThat(page.locator("#order-epics")).containsText("PBE-1 (1 → 2)");
		assertThat(page.locator("#order-summary")).hasText("2 items would move");
		assertThat(page.locator("#order-preview tr[data-moves=true]")).hasCount(2);
		screenshot("order-by-score-epics");
		page.locator("#apply-order button").click();
		assertThat(page.locator(".toast")).containsText("2 items moved");
		page.navigate("/p/PBE/backlog");
		assertThat(page.locator("#backlog-rows li.row").nth(1)).hasAttribute("data-key", "PBE-1");
		assertThat(page.locator("#backlog-rows li.row").nth(2)).hasAttribute("data-key", "PBE-3");
	}

	private long setUpWsjf(ApiClient api, String key) {
		long wsjf = 0;
		for (JsonNode m : api.get("/api/v1/products/" + key + "/scoring-models").json()) {
			if ("WSJF".equals(m.get("preset").asText())) {
				wsjf = m.get("id").asLong();
			}
		}
		api.post("/api/v1/products/" + key + "/scoring-models/" + wsjf + "/activate", null);
		return wsjf;
	}

}
