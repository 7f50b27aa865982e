package dev.priora.prioritization.web;

import static dev.priora.support.Fixtures.aProduct;
import static dev.priora.support.Fixtures.aStory;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.priora.support.ApiClient.Response;
import dev.priora.support.ApiClient;
import dev.priora.support.IntegrationTestBase;
import dev.priora.support.ItemBuilder;
import dev.priora.support.TestProduct;
import tools.jackson.databind.JsonNode;

class PrioritizationApiIntegrationTest extends IntegrationTestBase {

	private ApiClient product(String key) {
		ApiClient api = api();
		aProduct(key).named("Prio " + key).createdBy(api);
		return api;
	}

	private static void item(ApiClient api, String key, String title, Integer estimate) {
		ItemBuilder story = aStory(title);
		(estimate == null ? story : story.estimate(estimate)).in(new TestProduct(api, key));
	}

	private static long model(ApiClient api, String key, String preset) {
		for (JsonNode m : api.get("/api/v1/products/" + key + "/scoring-models").json()) {
			if (preset.equals(m.get("preset").asText())) {
				return m.get("id").asLong();
			}
		}
		throw new AssertionError("no preset " + preset);
	}

	private static void wsjf(ApiClient api, String key, String item, long model, int value, int time, int size) {
		Response r = api.put("/api/v1/products/" + key + "/items/" + item + "/scores/" + model,
				"{\"inputs\":{\"businessValue\":\"" + value + "\",\"timeCriticality\":\"" + time
						+ "\",\"riskReduction\":\"1\",\"jobSize\":\"" + size + "\"}}",
				null);
		assertThat(r.status()).as(r.text()).isEqualTo(200);
	}

	private static List<String> order(ApiClient api, String key) {
		List<String> keys = new ArrayList<>();
		api.get("/api/v1/products/" + key + "/items?limit=50")
			.json()
			.get("items")
			.forEach(i -> keys.add(i.get("key").asText()));
		return keys;
	}

	@Test
	void scoresWithBreakdownAndHistoryAndRefusesBadInputs() {
		ApiClient api = product("PRA");
		item(api, "PRA", "Alpha", 5);
		item(api, "PRA", "Beta", null);
		JsonNode models = api.get("/api/v1/products/PRA/scoring-models").json();
		assertThat(models).hasSize(5);
		assertThat(models.get(0).get("name").asText()).isEqualTo("RICE");
		assertThat(models.get(0).get("active").asBoolean()).isTrue();
		long wsjf = model(api, "PRA", "WSJF");
		wsjf(api, "PRA", "PRA-1", wsjf, 8, 13, 5);
		JsonNode score = api.get("/api/v1/products/PRA/scores?model=" + wsjf).json().get(0).get("score");
		assertThat(score.get("value").asDouble()).isEqualTo((8 + 13 + 1) / 5.0);
		assertThat(score.get("breakdown").get(3).get("effect").asText()).isEqualTo("adds to the divisor 5");
		JsonNode beta = api.get("/api/v1/products/PRA/scores?model=" + wsjf).json().get(1).get("score");
		assertThat(beta.get("value").isNull()).isTrue();
		assertThat(beta.get("missing").toString()).contains("Business value: missing");

		Response notFibonacci = api.put("/api/v1/products/PRA/items/PRA-1/scores/" + wsjf,
				"{\"inputs\":{\"businessValue\":\"4\",\"jobSize\":\"3\"}}", null);
		assertThat(notFibonacci.status()).isEqualTo(400);
		assertThat(notFibonacci.json().get("errors").toString()).contains("businessValue").contains("one of 1, 2, 3");
		long rice = model(api, "PRA", "RICE");
		assertThat(api.put("/api/v1/products/PRA/items/PRA-1/scores/" + wsjf, "{\"inputs\":{\"nope\":\"1\"}}", null)
			.status()).isEqualTo(400);
		// RICE: reach from customers (none yet: the model's default 1), effort from the
		// estimate
		api.put("/api/v1/products/PRA/items/PRA-1/scores/" + rice,
				"{\"inputs\":{\"impact\":\"HIGH\",\"confidence\":\"medium\"}}", null);
		JsonNode riceScore = api.get("/api/v1/products/PRA/items/PRA-1/scores").json().get(0).get("score");
		assertThat(riceScore.get("inputs").get("impact").asText()).isEqualTo("high");
		assertThat(riceScore.get("score").get("value").asDouble()).isEqualTo(0.32);
		assertThat(riceScore.get("score").get("breakdown").get(3).get("source").asText())
			.isEqualTo("the item's estimate");

		wsjf(api, "PRA", "PRA-1", wsjf, 8, 13, 8);
		JsonNode history = api.get("/api/v1/products/PRA/items/PRA-1/scores/" + wsjf + "/history").json();
		assertThat(history.get(0).get("criterion").asText()).isEqualTo("jobSize");
		assertThat(history.get(0).get("oldScore").asText()).isEqualTo("4.4");
		assertThat(history.get(0).get("newScore").asText()).isEqualTo("2.75");
	}

	@Test
	void managesCustomScorecards() {
		ApiClient api = product("PRB");
		String body = """
				{"name": "Growth", "definition": {"formula": "SUM", "criteria": [
				  {"key": "revenue", "label": "Revenue asking", "role": "BENEFIT", "weight": 2,
				   "scale": {"type": "linear", "min": 0, "max": 100000}, "source": "REVENUE"},
				  {"key": "strategic", "label": "Strategic fit", "role": "BENEFIT",
				   "scale": {"type": "choice", "options": [{"label": "core", "value": 10}, {"label": "adjacent", "value": 3}]}},
				  {"key": "cost", "label": "Cost", "role": "COST", "scale": {"type": "linear", "min": 0, "max": 1000}}]}}""";
		Response created = api.post("/api/v1/products/PRB/scoring-models", body);
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		assertThat(api.post("/api/v1/products/PRB/scoring-models", body).status()).as("same name").isEqualTo(400);
		Response noBenefit = api.post("/api/v1/products/PRB/scoring-models",
				"{\"name\":\"X\",\"definition\":{\"formula\":\"SUM\",\"criteria\":[{\"key\":\"c\",\"label\":\"C\","
						+ "\"role\":\"COST\",\"scale\":{\"type\":\"fibonacci\"}}]}}");
		assertThat(noBenefit.status()).isEqualTo(400);
		assertThat(noBenefit.json().get("detail").asText()).contains("benefit");
		Response badScale = api.post("/api/v1/products/PRB/scoring-models",
				"{\"name\":\"Y\",\"definition\":{\"formula\":\"SUM\",\"criteria\":[{\"key\":\"v\",\"label\":\"V\","
						+ "\"role\":\"BENEFIT\",\"scale\":{\"type\":\"linear\",\"min\":5,\"max\":1}}]}}");
		assertThat(badScale.status()).isEqualTo(400);
		assertThat(badScale.json().get("errors").toString()).contains("criteria[0]");
		Response renamed = api.put("/api/v1/products/PRB/scoring-models/" + id, body.replace("Growth", "Growth 2"),
				created.etag());
		assertThat(renamed.status()).as(renamed.text()).isEqualTo(200);
		assertThat(api.put("/api/v1/products/PRB/scoring-models/" + id, body, created.etag()).status()).isEqualTo(412);
		assertThat(api.post("/api/v1/products/PRB/scoring-models/" + id + "/activate", null)
			.json()
			.get("active")
			.asBoolean()).isTrue();
		assertThat(api.delete("/api/v1/products/PRB/scoring-models/" + id, null).status()).isEqualTo(409);
		long rice = model(api, "PRB", "RICE");
		api.post("/api/v1/products/PRB/scoring-models/" + rice + "/activate", null);
		assertThat(api.delete("/api/v1/products/PRB/scoring-models/" + id, null).status()).isEqualTo(204);
	}

	@Test
	void ordersByScoreWithoutPuttingAnItemAbovePrerequisitesThenUndoes() {
		ApiClient api = product("PRC");
		item(api, "PRC", "Low foundation", 3);
		item(api, "PRC", "Medium", 2);
		item(api, "PRC", "High, needs the foundation", 5);
		item(api, "PRC", "Unscored", null);
		item(api, "PRC", "Pinned", 1);
		api.post("/api/v1/products/PRC/items/PRC-3/dependencies", "{\"kind\":\"DEPENDS_ON\",\"target\":\"PRC-1\"}");
		long wsjf = model(api, "PRC", "WSJF");
		api.post("/api/v1/products/PRC/scoring-models/" + wsjf + "/activate", null);
		wsjf(api, "PRC", "PRC-1", wsjf, 1, 1, 8);
		wsjf(api, "PRC", "PRC-2", wsjf, 5, 5, 3);
		wsjf(api, "PRC", "PRC-3", wsjf, 20, 20, 2);
		wsjf(api, "PRC", "PRC-5", wsjf, 100, 100, 1);
		assertThat(api.put("/api/v1/products/PRC/items/PRC-5/pin", null, null).status()).isEqualTo(204);

		JsonNode preview = api.get("/api/v1/products/PRC/priority-order").json();
		List<String> proposed = new ArrayList<>();
		preview.get("items").forEach(i -> proposed.add(i.get("key").asText()));
		assertThat(proposed).containsExactly("PRC-2", "PRC-1", "PRC-3", "PRC-4", "PRC-5");
		assertThat(preview.get("items").get(2).get("reason").asText()).contains("waits on PRC-1");
		assertThat(preview.get("items").get(3).get("reason").asText()).contains("not scorable");
		assertThat(preview.get("items").get(4).get("reason").asText()).contains("pinned");
		assertThat(preview.get("notScorable").asInt()).isEqualTo(1);
		assertThat(order(api, "PRC")).containsExactly("PRC-1", "PRC-2", "PRC-3", "PRC-4", "PRC-5");

		String basis = preview.get("basis").asText();
		Response applied = api.post("/api/v1/products/PRC/priority-order", "{\"basis\":\"" + basis + "\"}");
		assertThat(applied.status()).as(applied.text()).isEqualTo(200);
		assertThat(applied.json().get("moved").asInt()).isEqualTo(2);
		assertThat(order(api, "PRC")).containsExactly("PRC-2", "PRC-1", "PRC-3", "PRC-4", "PRC-5");
		assertThat(api.get("/api/v1/products/PRC/items/PRC-2/history").text()).contains("ordered by score (WSJF)");
		assertThat(api.post("/api/v1/products/PRC/priority-order", "{\"basis\":\"" + basis + "\"}").status())
			.as("stale preview")
			.isEqualTo(409);

		long change = applied.json().get("id").asLong();
		assertThat(api.post("/api/v1/products/PRC/priority-order/" + change + "/undo", null).status()).isEqualTo(200);
		assertThat(order(api, "PRC")).containsExactly("PRC-1", "PRC-2", "PRC-3", "PRC-4", "PRC-5");
		assertThat(api.post("/api/v1/products/PRC/priority-order/" + change + "/undo", null).status()).isEqualTo(409);
		assertThat(api.delete("/api/v1/products/PRC/items/PRC-5/pin", null).status()).isEqualTo(204);
		assertThat(api.delete("/api/v1/products/PRC/items/PRC-5/pin", null).status()).isEqualTo(404);
	}

	@Test
	void findsTheCriticalPathBlockersGraphAndMap() {
		ApiClient api = product("PRD");
		api.post("/api/v1/products/PRD/items", "{\"type\":\"EPIC\",\"title\":\"Epic\"}");
		item(api, "PRD", "Schema", 3);
		item(api, "PRD", "API", 5);
		item(api, "PRD", "UI", 2);
		item(api, "PRD", "Docs", 1);
		for (int i = 2; i <= 5; i++) {
			api.patch("/api/v1/products/PRD/items/PRD-" + i, "{\"parent\":\"PRD-1\"}",
					api.get("/api/v1/products/PRD/items/PRD-" + i).etag());
		}
		api.post("/api/v1/products/PRD/items/PRD-3/dependencies", "{\"kind\":\"DEPENDS_ON\",\"target\":\"PRD-2\"}");
		api.post("/api/v1/products/PRD/items/PRD-4/dependencies", "{\"kind\":\"DEPENDS_ON\",\"target\":\"PRD-3\"}");
		api.post("/api/v1/products/PRD/items/PRD-5/dependencies", "{\"kind\":\"DEPENDS_ON\",\"target\":\"PRD-2\"}");
		JsonNode path = api.get("/api/v1/products/PRD/critical-path?epic=PRD-1").json();
		List<String> keys = new ArrayList<>();
		path.get("path").forEach(n -> keys.add(n.get("key").asText()));
		assertThat(keys).containsExactly("PRD-2", "PRD-3", "PRD-4");
		assertThat(path.get("totalEstimate").asDouble()).isEqualTo(10);
		assertThat(path.get("blockers").get(0).get("item").get("key").asText()).isEqualTo("PRD-2");
		assertThat(path.get("blockers").get(0).get("downstream").asInt()).isEqualTo(3);
		assertThat(api.get("/api/v1/products/PRD/critical-path?epic=PRD-2").status()).isEqualTo(400);

		JsonNode graph = api.get("/api/v1/products/PRD/dependency-graph").json();
		assertThat(graph.get("nodes")).hasSize(4);
		assertThat(graph.get("columns").asInt()).isEqualTo(3);
		assertThat(graph.get("edges").toString()).contains("{\"from\":\"PRD-3\",\"to\":\"PRD-2\",\"critical\":true}");

		long value = model(api, "PRD", "VALUE_EFFORT");
		for (int i = 2; i <= 5; i++) {
			api.put("/api/v1/products/PRD/items/PRD-" + i + "/scores/" + value,
					"{\"inputs\":{\"value\":\"" + (i * 10) + "\"}}", null);
		}
		JsonNode map = api.get("/api/v1/products/PRD/priority-map?model=" + value + "&epic=1").json();
		assertThat(map.get("points")).hasSize(4);
		assertThat(map.get("notScorable").asInt()).isZero();
		assertThat(map.toString()).contains("quick win").contains("money pit");
		assertThat(api.get("/api/v1/products/PRD/priority-map?model=" + model(api, "PRD", "MOSCOW")).status())
			.isEqualTo(400);
	}

	@Test
	void scoresItemsNobodyAskedForFromATypedReachOrTheModelsDefaultAndSaysWhich() {
		ApiClient api = product("PRE");
		item(api, "PRE", "Critical bug", 2);
		item(api, "PRE", "Feature", 5);
		long rice = model(api, "PRE", "RICE");
		String scores = "/api/v1/products/PRE/items/";
		api.put(scores + "PRE-1/scores/" + rice, "{\"inputs\":{\"impact\":\"massive\",\"confidence\":\"high\"}}", null);
		api.put(scores + "PRE-2/scores/" + rice, "{\"inputs\":{\"impact\":\"medium\",\"confidence\":\"high\"}}", null);

		// nobody asked: the model's default reach (1), said so
		JsonNode bug = api.get("/api/v1/products/PRE/scores").json().get(0).get("score");
		assertThat(bug.get("value").asDouble()).isEqualTo(1.5);
		assertThat(bug.get("breakdown").get(0).get("origin").asText()).isEqualTo("DEFAULT");
		assertThat(bug.get("breakdown").get(0).get("source").asText())
			.isEqualTo("the model's default (no customers asked)");

		// a typed reach wins over the default
		Response typed = api.put(scores + "PRE-1/scores/" + rice, "{\"inputs\":{\"reach\":\"40\"}}", null);
		assertThat(typed.status()).as(typed.text()).isEqualTo(200);
		assertThat(typed.json().get("score").get("value").asDouble()).isEqualTo(60);
		assertThat(typed.json().get("score").get("breakdown").get(0).get("origin").asText()).isEqualTo("TYPED");
		assertThat(api.put(scores + "PRE-1/scores/" + rice, "{\"inputs\":{\"reach\":\"-3\"}}", null).status())
			.isEqualTo(400);

		// evidence wins over a typed reach
		long customer = api.post("/api/v1/products/PRE/customers", "{\"name\":\"Acme\"}").json().get("id").asLong();
		long feedback = api
			.post("/api/v1/products/PRE/feedback", "{\"text\":\"We need the feature\",\"customerId\":" + customer + "}")
			.json()
			.get("id")
			.asLong();
		api.post("/api/v1/products/PRE/feedback/" + feedback + "/links",
				"{\"item\":\"PRE-2\",\"importance\":\"IMPORTANT\"}");
		api.put(scores + "PRE-2/scores/" + rice, "{\"inputs\":{\"reach\":\"500\"}}", null);
		JsonNode feature = api.get("/api/v1/products/PRE/scores").json().get(1).get("score");
		assertThat(feature.get("breakdown").get(0).get("origin").asText()).isEqualTo("EVIDENCE");
		assertThat(feature.get("breakdown").get(0).get("source").asText()).isEqualTo("customers asking");
		assertThat(feature.get("value").asDouble()).isEqualTo(0.2);

		// the default is the model's, editable
		Response model = api.get("/api/v1/products/PRE/scoring-models/" + rice);
		String definition = model.json()
			.get("definition")
			.toString()
			.replace("\"defaultValue\":1.0", "\"defaultValue\":10");
		assertThat(definition).contains("\"defaultValue\":10");
		Response changed = api.put("/api/v1/products/PRE/scoring-models/" + rice,
				"{\"name\":\"RICE\",\"definition\":" + definition + "}", model.etag());
		assertThat(changed.status()).as(changed.text()).isEqualTo(200);
		api.put(scores + "PRE-1/scores/" + rice, "{\"inputs\":{\"reach\":\"\"}}", null);
		assertThat(api.get("/api/v1/products/PRE/scores").json().get(0).get("score").get("value").asDouble())
			.isEqualTo(15);
		Response onTyped = api.put("/api/v1/products/PRE/scoring-models/" + rice,
				"{\"name\":\"RICE\",\"definition\":" + definition.replace(",\"defaultValue\":null", "")
					.replace("\"key\":\"impact\"", "\"key\":\"impact\",\"defaultValue\":2") + "}",
				changed.etag());
		assertThat(onTyped.status()).isEqualTo(400);
		assertThat(onTyped.json().get("errors").toString()).contains("criteria[1]").contains("only evidence criteria");
	}

	@Test
	void ordersEpicsWithTheirChildrenKeepsUnscoredItemsInPlaceAndAppliesExactlyThePreview() {
		ApiClient api = product("PRO");
		String base = "/api/v1/products/PRO";
		String[][] items = { { "EPIC", "Search" }, { "STORY", "Filters" }, { "STORY", "Typos" }, { "EPIC", "Checkout" },
				{ "STORY", "Wallets" }, { "STORY", "Unscored" }, { "STORY", "Loose" }, { "EPIC", "Empty" } };
		for (String[] i : items) {
			Response r = api.post(base + "/items", "{\"type\":\"" + i[0] + "\",\"title\":\"" + i[1] + "\"}");
			assertThat(r.status()).as(r.text()).isEqualTo(201);
		}
		for (String[] child : new String[][] { { "PRO-2", "PRO-1" }, { "PRO-3", "PRO-1" }, { "PRO-5", "PRO-4" } }) {
			Response r = api.patch(base + "/items/" + child[0], "{\"parent\":\"" + child[1] + "\"}",
					api.get(base + "/items/" + child[0]).etag());
			assertThat(r.status()).as(r.text()).isEqualTo(200);
		}
		long wsjf = model(api, "PRO", "WSJF");
		api.post(base + "/scoring-models/" + wsjf + "/activate", null);
		wsjf(api, "PRO", "PRO-2", wsjf, 1, 1, 8);
		wsjf(api, "PRO", "PRO-3", wsjf, 5, 5, 3);
		wsjf(api, "PRO", "PRO-5", wsjf, 20, 20, 2);
		wsjf(api, "PRO", "PRO-7", wsjf, 8, 8, 5);

		JsonNode preview = api.get(base + "/priority-order").json();
		List<String> proposed = new ArrayList<>();
		preview.get("items").forEach(i -> proposed.add(i.get("key").asText()));
		// each epic right above its best child, the unscored story and the epic without
		// children where they were
		assertThat(proposed).containsExactly("PRO-4", "PRO-5", "PRO-1", "PRO-3", "PRO-7", "PRO-6", "PRO-2", "PRO-8");
		assertThat(preview.get("items").get(0).get("kind").asText()).isEqualTo("EPIC");
		assertThat(preview.get("items").get(0).get("reason").asText()).contains("above its children");
		assertThat(preview.get("items").get(5).get("reason").asText()).contains("not scorable")
			.contains("keeps its place");
		assertThat(preview.get("items").get(7).get("kind").asText()).isEqualTo("UNSCORED");
		List<String> moving = new ArrayList<>();
		preview.get("movedKeys").forEach(k -> moving.add(k.asText()));
		assertThat(moving).containsExactly("PRO-4", "PRO-5", "PRO-1", "PRO-3", "PRO-7", "PRO-2");
		assertThat(preview.get("moved").asInt()).isEqualTo(6);

		Response applied = api.post(base + "/priority-order", "{\"basis\":\"" + preview.get("basis").asText() + "\"}");
		assertThat(applied.status()).as(applied.text()).isEqualTo(200);
		assertThat(applied.json().get("moved").asInt()).isEqualTo(6);
		assertThat(order(api, "PRO")).containsExactlyElementsOf(proposed);
		for (String[] i : new String[][] { { "PRO-1" }, { "PRO-6" }, { "PRO-8" } }) {
			boolean reordered = api.get(base + "/items/" + i[0] + "/history").text().contains("ordered by score");
			assertThat(reordered).as(i[0]).isEqualTo(moving.contains(i[0]));
		}
	}

}
