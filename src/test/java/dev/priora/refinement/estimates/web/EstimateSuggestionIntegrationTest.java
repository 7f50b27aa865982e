package dev.priora.refinement.estimates.web;

import static dev.priora.support.Fixtures.aProduct;
import static dev.priora.support.Fixtures.aStory;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.priora.support.ApiClient;
import dev.priora.support.ApiClient.Response;
import dev.priora.support.BrowserlessSession;
import dev.priora.support.IntegrationTestBase;
import dev.priora.support.TestProduct;
import tools.jackson.databind.JsonNode;

/**
 * Suggested estimates over the API and the settings page, on a product whose twelve
 * finished items fall into two kinds: six small exports (2 points) and six large payment
 * reworks (13 points), so the answer is known; and on a product with too little history.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EstimateSuggestionIntegrationTest extends IntegrationTestBase {

	private ApiClient api;

	private TestProduct est;

	@BeforeAll
	void twelveFinishedItems() {
		api = api();
		est = TwoKindsOfItems.in(api, "ESTA");
	}

	@Test
	void suggestsAnItemsEstimateFromTheMostSimilarFinishedItems() {
		String item = aStory("Export the invoice lines to CSV").in(est);

		JsonNode s = ok(api.get(est.path("/items/" + item + "/estimate-suggestion")));

		assertThat(s.get("estimate").decimalValue()).isEqualByComparingTo("2");
		assertThat(s.get("low").decimalValue()).isLessThanOrEqualTo(s.get("estimate").decimalValue());
		assertThat(s.get("high").decimalValue()).isGreaterThanOrEqualTo(s.get("estimate").decimalValue());
		assertThat(s.get("confidence").asDouble()).isBetween(0.0, 1.0);
		assertThat(s.get("reason").isNull()).isTrue();
		JsonNode first = s.get("basis").get(0);
		assertThat(TwoKindsOfItems.EXPORTS).contains(first.get("title").asText());
		assertThat(first.get("key").asText()).startsWith("ESTA-");
		assertThat(first.get("estimate").decimalValue()).isEqualByComparingTo("2");
		assertThat(first.get("similarity").asDouble()).isBetween(0.0, 1.0);
	}

	@Test
	void suggestsANewItemsEstimateFromItsText() {
		JsonNode s = ok(api.post(est.path("/estimate-suggestion"), ApiClient.json(Map.of("title",
				"Rework the payment provider integration for all currencies", "description", "Cards and wallets."))));

		assertThat(s.get("estimate").decimalValue()).isEqualByComparingTo("13");
		assertThat(s.get("basis").get(0).get("estimate").decimalValue()).isEqualByComparingTo("13");
	}

	@Test
	void aFinishedItemIsSuggestedFromTheOthersNotFromItself() {
		JsonNode s = ok(api.get(est.path("/items/" + est.item(1) + "/estimate-suggestion")));

		assertThat(s.get("basis").findValuesAsString("key")).doesNotContain(est.item(1));
		assertThat(s.get("estimate").decimalValue()).isEqualByComparingTo("2");
	}

	@Test
	void settingsShowTheLeaveOneOutAccuracyAgainstTheMedian() {
		JsonNode settings = ok(api.get(est.path("/estimate-suggestion/settings")));

		assertThat(settings.get("mode").asText()).isEqualTo("AUTO");
		assertThat(settings.get("enabled").asBoolean()).isTrue();
		JsonNode accuracy = settings.get("accuracy");
		assertThat(accuracy.get("items").asInt()).isEqualTo(12);
		assertThat(accuracy.get("median").decimalValue()).isEqualByComparingTo("2");
		// the median of the other eleven (the lower middle value) is always the other
		// kind's estimate, 11 off
		assertThat(accuracy.get("medianMae").asDouble()).isEqualTo(11.0);
		assertThat(accuracy.get("medianMdae").asDouble()).isEqualTo(11.0);
		assertThat(accuracy.get("mae").asDouble()).isLessThan(accuracy.get("medianMae").asDouble());
		assertThat(accuracy.get("beatsMedian").asBoolean()).isTrue();

		BrowserlessSession ui = BrowserlessSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
		String section = ui.get("/p/ESTA/settings/estimates").body();
		assertThat(section).contains("id=\"estimate-accuracy\"", "12 finished items", "11.00", ">Suggested</span>");
	}

	@Test
	void switchedOffSuggestsNothingAndSaysWhy() {
		String item = aStory("Export the stock levels to CSV").in(est);
		ok(api.put(est.path("/estimate-suggestion/settings"), "{\"mode\":\"OFF\"}", null));
		try {
			JsonNode s = ok(api.get(est.path("/items/" + item + "/estimate-suggestion")));
			assertThat(s.get("estimate").isNull()).isTrue();
			assertThat(s.get("basis")).isEmpty();
			assertThat(s.get("reason").asText()).contains("switched off");

			BrowserlessSession ui = BrowserlessSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
			ui.get("/p/ESTA/settings");
			var posted = ui.post("/p/ESTA/settings/estimates", Map.of("mode", "ON"));
			assertThat(posted.statusCode()).isEqualTo(302);
			assertThat(ok(api.get(est.path("/estimate-suggestion/settings"))).get("mode").asText()).isEqualTo("ON");
			assertThat(ok(api.get(est.path("/items/" + item + "/estimate-suggestion"))).get("estimate").isNull())
				.isFalse();
		}
		finally {
			ok(api.put(est.path("/estimate-suggestion/settings"), "{\"mode\":\"AUTO\"}", null));
		}
	}

	@Test
	void tooLittleHistorySuggestsNothingAndSaysWhy() {
		TestProduct thin = aProduct("ESTB").createdBy(api);
		thin.finish(aStory("Export invoices to CSV").estimate(2).ready().in(thin));
		String item = aStory("Export orders to CSV").in(thin);

		JsonNode s = ok(api.get(thin.path("/items/" + item + "/estimate-suggestion")));

		assertThat(s.get("estimate").isNull()).isTrue();
		assertThat(s.get("reason").asText()).contains("Too little history", "suggestions need 10");
		JsonNode settings = ok(api.get(thin.path("/estimate-suggestion/settings")));
		assertThat(settings.get("enabled").asBoolean()).isFalse();
		assertThat(settings.get("accuracy").isNull()).isTrue();
	}

	@Test
	void badInputGetsAProblemNamingTheField() {
		assertField(api.post(est.path("/estimate-suggestion"), ApiClient.json(Map.of("title", "x".repeat(301)))), 400,
				"title");
		assertField(api.post(est.path("/estimate-suggestion"), "{\"title\":\"  \",\"description\":\"\"}"), 400,
				"title");
		assertField(
				api.post(est.path("/estimate-suggestion"),
						ApiClient.json(Map.of("title", "Export", "description", "y".repeat(50_001)))),
				400, "description");
		assertField(api.put(est.path("/estimate-suggestion/settings"), "{\"mode\":null}", null), 400, "mode");
		assertField(api.post(est.path("/items"), "{\"type\":\"STORY\",\"title\":\"Off the scale\",\"estimate\":4}"),
				400, "estimate");
		String elsewhere = aStory("Export invoices to CSV").in(aProduct("ESTC").createdBy(api));
		Response other = api.get(est.path("/items/" + elsewhere + "/estimate-suggestion"));
		assertThat(other.status()).as(other.text()).isEqualTo(404);
		assertThat(other.isProblem()).isTrue();
		Response accepted = api.post(est.path("/items"),
				"{\"type\":\"STORY\",\"title\":\"Largest on the scale\",\"estimate\":100}");
		assertThat(accepted.status()).as(accepted.text()).isEqualTo(201);
	}

	private static void assertField(Response r, int status, String field) {
		assertThat(r.status()).as(r.text()).isEqualTo(status);
		assertThat(r.isProblem()).as(r.text()).isTrue();
		assertThat(r.json().get("errors").findValuesAsString("field")).as(r.text()).contains(field);
	}

	private static JsonNode ok(Response r) {
		assertThat(r.status()).as(r.text()).isEqualTo(200);
		return r.json();
	}

}
