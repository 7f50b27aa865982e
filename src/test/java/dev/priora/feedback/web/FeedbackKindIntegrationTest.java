package dev.priora.feedback.web;

import static dev.priora.support.Eventually.eventually;
import static dev.priora.support.Fixtures.aProduct;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.priora.support.ApiClient;
import dev.priora.support.ApiClient.Response;
import dev.priora.support.IntegrationTestBase;
import tools.jackson.databind.JsonNode;

/**
 * The kind of each feedback over the API: predicted by the general model on arrival, set
 * by hand, filtered and sorted by, and learned by the product's own model, which takes
 * over once the held-out check finds it better.
 */
class FeedbackKindIntegrationTest extends IntegrationTestBase {

	private static long feedback(ApiClient api, String key, String title, String text) {
		Response r = api.post("/api/v1/products/" + key + "/feedback",
				"{\"title\":" + ApiClient.json(title) + ",\"text\":" + ApiClient.json(text) + "}");
		assertThat(r.status()).as(r.text()).isEqualTo(201);
		return r.json().get("id").asLong();
	}

	private static JsonNode get(ApiClient api, String key, long id) {
		return api.get("/api/v1/products/" + key + "/feedback/" + id).json();
	}

	@Test
	void theGeneralModelGivesEveryNewFeedbackAKindAndASentiment() {
		ApiClient api = api();
		aProduct("KND").named("Kinds").createdBy(api);
		long bug = feedback(api, "KND", "Crash on save", "The app crashes with an error every time I click save.");
		long wish = feedback(api, "KND", "Dark mode", "Please add a dark mode, it would be great to have.");
		long question = feedback(api, "KND", "", "How do I reset my password?");
		long praise = feedback(api, "KND", "Thank you", "I love the new dashboard, great job team!");
		assertThat(get(api, "KND", bug).get("kind").asText()).isEqualTo("BUG");
		assertThat(get(api, "KND", wish).get("kind").asText()).isEqualTo("FEATURE_REQUEST");
		assertThat(get(api, "KND", question).get("kind").asText()).isEqualTo("QUESTION");
		JsonNode p = get(api, "KND", praise);
		assertThat(p.get("kind").asText()).isEqualTo("PRAISE");
		assertThat(p.get("kindSource").asText()).isEqualTo("predicted");
		assertThat(p.get("kindConfidence").asDouble()).isBetween(0.17, 1.0);
		assertThat(p.get("sentiment").asText()).isEqualTo("POSITIVE");
		assertThat(get(api, "KND", bug).get("sentiment").asText()).isEqualTo("NEGATIVE");
	}

	@Test
	void aKindSetByHandStaysAndTheInboxFiltersAndSortsByKind() {
		ApiClient api = api();
		aProduct("KNDS").named("Kinds set").createdBy(api);
		long a = feedback(api, "KNDS", "Export", "Can you export the report to Excel?");
		long b = feedback(api, "KNDS", "Crash", "The export crashes with an exception.");
		long c = feedback(api, "KNDS", "Thanks", "Thank you, support was fantastic.");
		String base = "/api/v1/products/KNDS/feedback/";
		long before = get(api, "KNDS", a).get("version").asLong();
		Response set = api.put(base + a + "/kind", "{\"kind\":\"feature-request\"}", null);
		assertThat(set.status()).as(set.text()).isEqualTo(200);
		assertThat(set.json().get("kind").asText()).isEqualTo("FEATURE_REQUEST");
		assertThat(set.json().get("kindSource").asText()).isEqualTo("set");
		assertThat(set.json().get("kindConfidence").asDouble()).isEqualTo(1.0);
		assertThat(set.json().get("version").asLong()).isEqualTo(before + 1);
		assertThat(get(api, "KNDS", a).get("kindSource").asText()).isEqualTo("set");

		Response bad = api.put(base + a + "/kind", "{\"kind\":\"WISH\"}", null);
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors").toString()).contains("kind");
		assertThat(api.put(base + a + "/kind", "{}", null).status()).isEqualTo(400);
		assertThat(api.put(base + "999999/kind", "{\"kind\":\"BUG\"}", null).status()).isEqualTo(404);
		assertThat(get(api, "KNDS", a).get("kind").asText()).isEqualTo("FEATURE_REQUEST");

		api.put(base + b + "/kind", "{\"kind\":\"BUG\"}", null);
		api.put(base + c + "/kind", "{\"kind\":\"PRAISE\"}", null);
		assertThat(ids(api.get("/api/v1/products/KNDS/feedback?kind=BUG").json())).containsExactly(b);
		assertThat(api.get("/api/v1/products/KNDS/feedback?kind=NOPE").status()).isEqualTo(400);
		assertThat(api.get("/api/v1/products/KNDS/feedback?sort=size").status()).isEqualTo(400);
		// by kind in FeedbackKind's order: bug, feature request, praise
		assertThat(ids(api.get("/api/v1/products/KNDS/feedback?sort=kind").json())).containsExactly(b, a, c);
		List<Long> paged = new ArrayList<>();
		String cursor = null;
		do {
			JsonNode page = api
				.get("/api/v1/products/KNDS/feedback?sort=kind&limit=1" + (cursor == null ? "" : "&cursor=" + cursor))
				.json();
			paged.addAll(ids(page));
			cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
		}
		while (cursor != null);
		assertThat(paged).containsExactly(b, a, c);
	}

	@Test
	void theProductsOwnModelTakesOverOnceItBeatsTheGeneralOneOnTheLabels() {
		ApiClient api = api();
		aProduct("KTRN").named("Kind training").createdBy(api);
		String base = "/api/v1/products/KTRN/feedback/";
		// this team files scanner reports as bugs and newsletter notes as questions:
		// house words the general model cannot know
		String[] places = { "dock", "aisle", "gate", "bay", "ramp", "zone", "shelf", "rack", "yard", "door", "hall",
				"lane" };
		List<Long> scanner = new ArrayList<>();
		for (int i = 0; i < places.length; i++) {
			long s = feedback(api, "KTRN", "Scanner ticket " + places[i],
					"Handheld scanner at " + places[i] + " " + (i + 1) + " beeps twice at pallet intake.");
			long n = feedback(api, "KTRN", "Newsletter ticket " + places[i],
					"Newsletter draft for the " + places[i] + " crew, issue " + (i + 1) + ", goes out Friday.");
			if (i < 4) {
				JsonNode model = api.get("/api/v1/products/KTRN/feedback-kinds/model").json();
				assertThat(model.get("inUse").asText()).isEqualTo("general");
			}
			api.put(base + s + "/kind", "{\"kind\":\"BUG\"}", null);
			api.put(base + n + "/kind", "{\"kind\":\"QUESTION\"}", null);
			scanner.add(s);
		}
		JsonNode model = eventually().until(() -> api.get("/api/v1/products/KTRN/feedback-kinds/model").json(),
				m -> m.get("labels").asInt() == 24);
		assertThat(model.get("inUse").asText()).isEqualTo("product");
		assertThat(model.get("productMacroF1").asDouble()).isGreaterThan(model.get("generalMacroF1").asDouble());
		assertThat(model.get("productAccuracy").asDouble()).isGreaterThan(0.9);
		assertThat(model.get("classes").toString()).contains("BUG").contains("QUESTION");
		assertThat(model.get("counts").get(0).get(0).asInt()).isGreaterThan(10);

		long fresh = feedback(api, "KTRN", "Scanner ticket pier", "Handheld scanner at pier 3 beeps twice at intake.");
		JsonNode f = get(api, "KTRN", fresh);
		assertThat(f.get("kind").asText()).isEqualTo("BUG");
		assertThat(f.get("kindSource").asText()).isEqualTo("predicted");
		Response retrain = api.post("/api/v1/products/KTRN/feedback-kinds/model/retrain", "");
		assertThat(retrain.status()).isEqualTo(202);
		assertThat(get(api, "KTRN", scanner.get(0)).get("kindSource").asText()).isEqualTo("set");
	}

	private static List<Long> ids(JsonNode page) {
		List<Long> ids = new ArrayList<>();
		page.get("feedback").forEach(f -> ids.add(f.get("id").asLong()));
		return ids;
	}

}
